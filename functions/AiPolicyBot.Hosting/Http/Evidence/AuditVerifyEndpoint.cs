using System.Text.Json.Nodes;
using AiPolicyBot.Application.Audit;
using AiPolicyBot.Hosting.Tab;

namespace AiPolicyBot.Hosting.Http.Evidence;

/// <summary>
/// <c>GET /api/audit/verify</c> (docs/spec/audit-verification.md; Reports.Read or the admin key): every audit stream
/// checked now, read-only. Answer <c>{ partitions, rows, ok, firstBreak, head }</c>; firstBreak is null or
/// <c>{ stream, sequence, problem }</c>, head the SHA-256 over every stream's newest row.
/// </summary>
public static class AuditVerifyEndpoint
{
    public const string Route = "/api/audit/verify";

    public static IEndpointRouteBuilder MapAuditVerifyRoute(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, HandleAsync).RequireCaller(TabRoles.ReportsRead);
        return app;
    }

    public static async Task<Ok<JsonObject>> HandleAsync(AuditVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(ToJson(await verifier.VerifyAsync(ct)));

    public static JsonObject ToJson(AuditVerificationReport r) => new()
    {
        ["partitions"] = r.Partitions,
        ["rows"] = r.Rows,
        ["ok"] = r.Ok,
        ["firstBreak"] = r.FirstBreak is { } b
            ? new JsonObject { ["stream"] = b.Stream, ["sequence"] = b.FirstBadSequence, ["problem"] = b.Problem }
            : null,
        ["head"] = r.Head,
    };
}
