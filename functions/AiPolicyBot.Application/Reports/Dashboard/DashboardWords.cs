using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Application.Reports.Dashboard;

/// <summary>
/// The short labels the dashboard's charts and tables show for route tiers, request states, register statuses and mail
/// categories. The cards' PlainWords (AiPolicyBot.Teams) speak to the requester in sentences; these name a bar.
/// </summary>
public static class DashboardWords
{
    public static string Tier(Tier tier) => tier switch
    {
        Policy.Tier.Prohibited => "Prohibited",
        Policy.Tier.AlreadyApproved => "Already approved",
        Policy.Tier.TrustApproval => "Trust approval",
        Policy.Tier.ItInstall => "IT install",
        _ => "Academy approval",
    };

    public static string State(RequestState state) => state switch
    {
        RequestState.Draft => "Draft",
        RequestState.Pending => "Waiting for approvers",
        RequestState.MoreInformationRequested => "More information asked",
        RequestState.Approved => "Approved",
        RequestState.Rejected => "Rejected",
        RequestState.Withdrawn => "Withdrawn",
        RequestState.Expired => "Expired",
        _ => "Closed by the policy",
    };

    public const string NotInRegister = "not in the register";

    public static string Status(RegisterStatus? status) => status switch
    {
        null => NotInRegister,
        RegisterStatus.Approved => "approved",
        RegisterStatus.ApprovedNoPersonalData => "approved, no personal data",
        RegisterStatus.UnderReview => "under review",
        RegisterStatus.Declined => "declined",
        RegisterStatus.Retired => "retired",
        _ => "not assessed",
    };

    public static string Category(TriageCategory category) => category switch
    {
        TriageCategory.ToolRequest => "Tool request",
        TriageCategory.Question => "Question",
        TriageCategory.Concern => "Concern",
        TriageCategory.Complaint => "Complaint",
        TriageCategory.Breach => "Breach",
        TriageCategory.Marketing => "Marketing",
        TriageCategory.NeedsHuman => "Needs a person",
        _ => "Other",
    };
}
