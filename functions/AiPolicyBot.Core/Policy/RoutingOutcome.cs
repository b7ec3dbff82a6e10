using System.Text.Json.Serialization;

namespace AiPolicyBot.Policy;

/// <summary>The routing outcome (docs/policy-and-register.md). It is never a decision: people decide.</summary>
public sealed record RoutingOutcome(
    Tier Tier,
    bool RequiresItInstall,
    IReadOnlyList<string> ApproverRoles,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<RoutingReason> Reasons,
    // The contract shows "registerEntryId": null explicitly, so it is written even when null.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RegisterEntryId);

/// <summary>One rule that fired: its id (e.g. "R6-DATA"), the policy section it rests on, and plain English.</summary>
public sealed record RoutingReason(string Rule, string PolicySection, string Text);

public enum Tier { Prohibited, AlreadyApproved, TrustApproval, ItInstall, AcademyApproval }

/// <summary>Approver role names as they appear on the wire and in the approver directory.</summary>
public static class ApproverRoles
{
    public const string Cio = "CIO";
    public const string Cdo = "CDO";
    public const string Dpo = "DPO";
    public const string It = "IT";
    public const string AcademyLeader = "AcademyLeader";

    public static IReadOnlyList<string> For(Tier tier) => tier switch
    {
        Tier.TrustApproval => [Cio, Cdo, Dpo],
        Tier.ItInstall => [It],
        Tier.AcademyApproval => [AcademyLeader],
        _ => [],
    };
}
