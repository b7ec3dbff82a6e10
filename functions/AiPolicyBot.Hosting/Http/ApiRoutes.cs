using AiPolicyBot.Hosting.Http.Evidence;
using AiPolicyBot.Hosting.Http.Register;
using AiPolicyBot.Hosting.Http.Reports;
using AiPolicyBot.Hosting.Tab;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The HTTP API of the local host, one route group (docs/spec/http-api.md). The Functions app declares the same routes
/// as HTTP triggers over the same endpoint classes and request records; a test checks that both sets agree.
/// Admin routes sit in a group behind <see cref="AdminKeyFilter"/> (Functions: function keys).
/// </summary>
public static class ApiRoutes
{
    public static RouteGroupBuilder MapAiPolicyBotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", (HealthEndpoint e) => e.Handle());
        // Anonymous: the channel's JWT is the authentication (checked before anything else runs).
        api.MapMethods("/messages", [HttpMethods.Post, HttpMethods.Head], (HttpContext context, MessagesEndpoint e) => e.HandleAsync(context));
        // Anonymous: Graph cannot authenticate; the endpoint checks GraphMail:ClientState on every notification.
        api.MapPost("/graph/notifications", (HttpRequest request, GraphNotificationsEndpoint e, CancellationToken ct) => e.HandleAsync(request, ct));

        // The registered filter itself: AddEndpointFilter<AdminKeyFilter>() would compile a factory for it from
        // expression trees, the one reason the host loaded System.Linq.Expressions before its first answer.
        var admin = api.MapGroup("").AddEndpointFilter(app.ServiceProvider.GetRequiredService<AdminKeyFilter>());
        admin.MapPost("/policy/evaluate", (PolicyEvaluateRequest request, PolicyEvaluateEndpoint e, CancellationToken ct) => e.HandleAsync(request, ct));
        admin.MapGet("/register/search", (RegisterSearchQuery query, RegisterSearchEndpoint e, CancellationToken ct) => e.HandleAsync(query, ct));
        admin.MapPost("/triage/preview", (TriagePreviewRequest request, TriagePreviewEndpoint e) => e.Handle(request));
        admin.MapPost("/conversation/preview", (ConversationPreviewRequest request, ConversationPreviewEndpoint e, CancellationToken ct) => e.HandleAsync(request, ct));
        // The register: administration (Register.Admin or the admin key) and the "AI tools register" tab.
        app.MapRegisterAdminRoutes();
        app.MapTabRoutes();
        // Evidence: the audit verification (Reports.Read or the admin key) and the incident cases of the tab.
        app.MapAuditVerifyRoute();
        app.MapIncidentTabRoutes();
        // Reports and evidence: Reports.Read or the admin key.
        app.MapReportRoutes();
        app.MapDashboardRoutes();
        return api;
    }
}
