using AiPolicyBot.Register;

namespace AiPolicyBot.Policy;

/// <summary>Everything one evaluation reads and the little it carries between rules (docs/policy-and-register.md).</summary>
public sealed class RoutingState(
    Intake intake, PolicyOptions options, IReadOnlyList<RegisterEntry> matches, bool trainingDone, DateOnly today)
{
    public Intake Intake { get; } = intake;
    public PolicyOptions Options { get; } = options;
    public DerivedValues Derived { get; } = new(intake, options);
    /// <summary>Register entries whose name or alias matches the tool name (normally zero or one).</summary>
    public IReadOnlyList<RegisterEntry> Matches { get; } = matches;
    public bool TrainingDone { get; } = trainingDone;
    public DateOnly Today { get; } = today;

    public Tier? Tier { get; set; }

    /// <summary>R3 fired for staff and learners: learners are out, the rest is assessed for staff only.</summary>
    public bool StaffContinuation { get; set; }

    /// <summary>R2 fired on a renewal: the Trust approvers re-review a declined or retired tool.</summary>
    public bool AppealMode { get; set; }

    public string? RegisterEntryId { get; set; }

    public bool RequiresItInstall { get; set; }

    public UserGroup EffectiveUsers => StaffContinuation ? UserGroup.Staff : Intake.Users;

    /// <summary><c>learnerFacing</c> of §5, after R3.</summary>
    public bool LearnerFacing => EffectiveUsers is UserGroup.Learners or UserGroup.StaffAndLearners;
}
