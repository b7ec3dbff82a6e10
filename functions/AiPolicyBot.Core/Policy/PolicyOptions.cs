namespace AiPolicyBot.Policy;

/// <summary>Configuration section "Policy" (docs/policy-and-register.md). Defaults are placeholders until the Trust decides.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>0 = no Trust minimum beyond the vendor's terms.</summary>
    public int TrustMinimumLearnerAge { get; set; }

    public int SupervisedUseBelowAge { get; set; } = 13;

    /// <summary>The next annual review of the AI policy; REVIEW_12_MONTHS never goes beyond it.</summary>
    public DateOnly? NextPolicyReviewDate { get; set; }

    /// <summary>Version of the AI policy text staff attest to (training records keep it).</summary>
    public string PolicyVersion { get; set; } = "2024-07";
}
