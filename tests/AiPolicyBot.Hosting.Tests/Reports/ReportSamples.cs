using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Testing.Requests;
using AiPolicyBot.Testing.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Hosting.Tests.Reports;

/// <summary>Stored data for the report tests: requests in every state and triage records, some with awkward text.</summary>
internal static class ReportSamples
{
    public static ToolRequest Request(string reference, DateTimeOffset submitted, RequestState state, string tool = "Brisk Teaching",
        string academy = "oakfield", Tier tier = Tier.TrustApproval, params ApprovalDecision[] decisions) =>
        RequestSamples.Request(reference, RequestSamples.Intake(tool) with
        {
            AcademyId = academy,
            Purpose = "A purpose line that the requests report must not carry",
            VendorTrainsOnInputs = VendorTraining.No,
            OutputUse = OutputUse.Ideas,
        }, new RoutingOutcome(tier, false, ApproverRoles.For(tier), [], [], null), state, submitted) with
        {
            RequesterId = "00000000-0000-0000-0000-00000000r001",
            RequesterName = "Requester Name Never Reported",
            PendingRoles = [],
            Decisions = decisions,
        };

    public static ApprovalDecision Decision(string role, string name, DecisionKind kind, DateTimeOffset at) =>
        new(role, "approver-" + role, name, kind, "a comment the report must not carry", [], at);

    public static TriageRecord TriagedMail(string key, DateTimeOffset received, TriageCategory category, double confidence,
        TriageCategory? confirmed = null, string? by = null, string? draft = null) => TriageSamples.Record(category, key) with
        {
            Source = "local",
            SourceId = key,
            FromAddress = "sender.never.reported@academy.example",
            Subject = "A subject the triage report must not carry",
            ReceivedAt = received,
            Confidence = confidence,
            ConfirmedCategory = confirmed,
            ConfirmedBy = by,
            DraftReference = draft,
            UpdatedAt = received,
        };
}
