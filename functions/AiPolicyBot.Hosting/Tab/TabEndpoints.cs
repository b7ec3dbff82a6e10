using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Approvals;
using AiPolicyBot.Contacts;
using AiPolicyBot.Hosting.Http.Evidence;
using AiPolicyBot.Hosting.Http.Register;
using AiPolicyBot.Incidents;
using AiPolicyBot.Register;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// The "AI tools register" tab (docs/register-tab.md): its page and the reads every signed-in member of staff may
/// make. Register changes go through the administration routes (<see cref="RegisterAdminEndpoints"/>). Further pages
/// (e.g. reports, with the Reports.Read role) add their own routes under /api/tab and their own view in the page.
/// </summary>
public static class TabEndpoints
{
    public const string PagePath = "/api/tab/app/";

    public static IEndpointRouteBuilder MapTabRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tab/app/{file?}", (string? file, HttpContext context) => TabAssets.Get(file, context));
        app.MapGet("/api/tab/config", Config);
        var staff = app.MapGroup("/api/tab").RequireCaller();
        staff.MapGet("/me", Me);
        staff.MapGet("/register", RegisterAsync);
        staff.MapGet("/register/search", SearchAsync);
        return app;
    }

    /// <summary>What the page needs before sign-in: the API it asks Teams for, and the local demo people if that is on.</summary>
    public static Ok<JsonObject> Config(HttpContext context, IOptions<TabOptions> options, LocalSignIn local)
    {
        var people = local.Enabled && LocalSignIn.IsLoopback(context) ? local.People : [];
        return TypedResults.Ok(new JsonObject
        {
            ["clientId"] = options.Value.ClientId,
            ["applicationIdUri"] = options.Value.ApplicationIdUri,
            ["localSignIn"] = people.Count > 0,
            ["people"] = new JsonArray(people.Select(p => (JsonNode?)new JsonObject
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["roles"] = new JsonArray(p.Roles.Select(r => (JsonNode?)r).ToArray()),
            }).ToArray()),
        });
    }

    public static async Task<Ok<JsonObject>> Me(HttpContext context, IOptionsMonitor<TrustContacts> contacts, IApproverDirectorySource directories, CancellationToken ct)
    {
        var caller = CallerGate.Caller(context);
        // The Incidents page: the DPO and the overseers of the approver directory, or the Incidents.Manage app role.
        var incidents = caller.Has(IncidentTabEndpoints.ManageRole) || IncidentAccess.For(await directories.GetAsync(ct), caller.ObjectId).CanSee;
        var c = contacts.CurrentValue;
        return TypedResults.Ok(new JsonObject
        {
            ["id"] = caller.ObjectId,
            ["name"] = caller.Name,
            ["roles"] = new JsonArray(caller.Roles.Order(StringComparer.Ordinal).Select(r => (JsonNode?)r).ToArray()),
            ["isAdmin"] = caller.Has(TabRoles.RegisterAdmin),
            ["canReadReports"] = caller.Has(TabRoles.ReportsRead),
            ["canSeeIncidents"] = incidents,
            ["contacts"] = new JsonObject
            {
                ["informationAssuranceEmail"] = Blank(c.InformationAssuranceEmail),
                ["dpoEmail"] = Blank(c.DpoEmail),
                ["complaintsContact"] = Blank(c.ComplaintsContact),
                ["policyUrl"] = Blank(c.PolicyUrl),
                ["trainingUrl"] = Blank(c.TrainingUrl),
            },
        });
    }

    public static async Task<Ok<JsonObject>> RegisterAsync(RegisterCache register, TimeProvider time,
        IOptionsMonitor<AcademyOptions> academies, CancellationToken ct)
    {
        var snapshot = await register.GetAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var a = academies.CurrentValue;
        return TypedResults.Ok(new JsonObject
        {
            ["entries"] = new JsonArray(snapshot.Entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
                .Select(e => (JsonNode?)RegisterView.Entry(e, today, a)).ToArray()),
            ["vocabulary"] = RegisterVocabulary.Json,
            ["academies"] = new JsonArray(a.Items.OrderBy(kv => kv.Value.Name, StringComparer.OrdinalIgnoreCase)
                .Select(kv => (JsonNode?)new JsonObject { ["id"] = kv.Key, ["name"] = a.NameOf(kv.Key) }).ToArray()),
        });
    }

    /// <summary>The bot's own fuzzy search (misspellings, aliases), best first; the page filters the results further.</summary>
    public static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> SearchAsync(string? q, RegisterCache register, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return RegisterProblems.BadField("q", "is required: the tool name to search for");
        if (q.Length > RegisterSearchQuery.MaxQueryLength)
            return RegisterProblems.BadField("q", $"must be at most {RegisterSearchQuery.MaxQueryLength} characters");
        var hits = (await register.GetAsync(ct)).Search.Search(q, RegisterSearchQuery.MaxTop);
        return TypedResults.Ok(new JsonArray(hits.Select(h => (JsonNode?)new JsonObject { ["id"] = h.Entry.Id, ["score"] = Math.Round(h.Score, 3) }).ToArray()));
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
