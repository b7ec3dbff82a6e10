using AiPolicyBot.Hosting.Tests.Register;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.DependencyInjection;
using static AiPolicyBot.Hosting.Tests.Reports.ReportSamples;

namespace AiPolicyBot.Hosting.Tests.Reports;

/// <summary>
/// The real local host on the test Azurite (tables of its own) with requests and triage records stored once through
/// the product's own stores, so each report can be compared with what is in storage.
/// </summary>
public sealed class ReportHostFixture : IAsyncLifetime
{
    public RegisterHostFixture Inner { get; } = new();

    public static readonly DateTimeOffset March2 = new(2031, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string Quoted = "Tool, with \"quotes\"\nand a line break";

    public async Task InitializeAsync()
    {
        await Inner.InitializeAsync();
        var requests = Inner.Host.Services.GetRequiredService<IRequestStore>();
        var ct = CancellationToken.None;
        await requests.CreateAsync(Request("AIP-2031-0001", March2, RequestState.Approved, "ChatGPT", "oakfield", decisions:
        [
            Decision("CIO", "Ada Lovelace", DecisionKind.Approve, March2.AddDays(1)),
            Decision("CDO", "Grace Hopper", DecisionKind.ApproveWithConditions, March2.AddDays(2)),
            Decision("DPO", "Alan Turing", DecisionKind.Approve, March2.AddDays(3).AddHours(2)),
        ]), ct);
        await requests.CreateAsync(Request("AIP-2031-0002", new(2031, 3, 10, 9, 0, 0, TimeSpan.Zero), RequestState.Rejected, "Otter.ai", "hillcrest",
            Policy.Tier.AcademyApproval, Decision("AcademyLeader", "Mary Seacole", DecisionKind.Reject, new(2031, 3, 11, 9, 0, 0, TimeSpan.Zero))), ct);
        await requests.CreateAsync(Request("AIP-2031-0003", new(2031, 3, 31, 23, 30, 0, TimeSpan.Zero), RequestState.Pending, Formula), ct);
        await requests.CreateAsync(Request("AIP-2031-0004", new(2031, 4, 1, 0, 0, 0, TimeSpan.Zero), RequestState.Pending, Quoted), ct);
        await requests.CreateAsync(Request("AIP-2031-0005", new(2031, 2, 28, 23, 59, 59, TimeSpan.Zero), RequestState.Withdrawn), ct);
        // A mail's draft numbered on 31 December and written just after midnight: a January period reads the year before too.
        await requests.CreateAsync(Request("AIP-2030-0007", new(2031, 1, 1, 0, 0, 30, TimeSpan.Zero), RequestState.Closed, "Midjourney", tier: Policy.Tier.Prohibited), ct);

        // Waiting since March 2026 for approvers: overdue. A tool the register does not know.
        await requests.CreateAsync(Request("AIP-2026-0901", new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), RequestState.Pending, "Perplexity"), ct);
        var demand = Inner.Host.Services.GetRequiredService<IToolDemand>();
        for (var i = 0; i < 3; i++) demand.RecordUnknown("perplexity");
        demand.Record("chatgpt-free");
        demand.Record("chatgpt-free");

        var triage = Inner.Host.Services.GetRequiredService<ITriageRecordStore>();
        await triage.InsertOrGetAsync(TriagedMail("t1", new(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), TriageCategory.Question, 0.61, TriageCategory.ToolRequest, "oid-ia-officer", "AIP-2026-0100"), ct);
        await triage.InsertOrGetAsync(TriagedMail("t2", new(2026, 3, 6, 8, 0, 0, TimeSpan.Zero), TriageCategory.Breach, 0.97), ct);
        await triage.InsertOrGetAsync(TriagedMail("t3", new(2026, 3, 7, 8, 0, 0, TimeSpan.Zero), TriageCategory.Marketing, 0.88, TriageCategory.Marketing, "oid-ia-officer"), ct);
        await triage.InsertOrGetAsync(TriagedMail("t4", new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero), TriageCategory.Concern, 0.7), ct);
    }

    public Task DisposeAsync() => Inner.DisposeAsync();
}
