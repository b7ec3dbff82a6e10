using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>Contract values in plain, friendly UK English for cards.</summary>
public static class PlainWords
{
    public static string Status(RegisterStatus status) => status switch
    {
        RegisterStatus.Approved => "Approved",
        RegisterStatus.ApprovedNoPersonalData => "Approved without personal data",
        RegisterStatus.UnderReview => "Under review by the Trust",
        RegisterStatus.Declined => "Declined by the Trust",
        RegisterStatus.Retired => "Retired (no longer approved)",
        _ => "Not assessed yet",
    };

    public static string Users(UserGroup? users) => users switch
    {
        UserGroup.Staff => "Staff only",
        UserGroup.Learners => "Learners",
        UserGroup.StaffAndLearners => "Staff and learners",
        _ => "Anyone within the conditions",
    };

    public static string UseCategory(UseCategory c) => c switch
    {
        Policy.UseCategory.LessonPlanning => "Lesson planning and resources",
        Policy.UseCategory.FeedbackMarking => "Feedback and marking",
        Policy.UseCategory.AdminComms => "Admin, emails and letters",
        Policy.UseCategory.SendEal => "SEND and EAL support",
        Policy.UseCategory.DataAnalysis => "Data analysis",
        Policy.UseCategory.Safeguarding => "Safeguarding",
        Policy.UseCategory.Hr => "HR",
        Policy.UseCategory.Finance => "Finance",
        Policy.UseCategory.LearnerTutoring => "Learner tutoring and practice",
        Policy.UseCategory.Assessment => "Assessment and exams",
        _ => "Other",
    };

    public static string Tier(Tier tier) => tier switch
    {
        Policy.Tier.Prohibited => "Not allowed under the Trust AI policy",
        Policy.Tier.AlreadyApproved => "Already approved: no decision needed",
        Policy.Tier.TrustApproval => "Needs Trust approval",
        Policy.Tier.ItInstall => "Needs IT approval and installation",
        _ => "Needs your academy leader's approval",
    };

    public static string WhoDecides(Tier tier) => tier switch
    {
        Policy.Tier.TrustApproval => "The Trust's Chief Information Officer, Chief Data Officer and Data Protection Officer, together",
        Policy.Tier.ItInstall => "The IT team",
        Policy.Tier.AcademyApproval => "Your academy leader",
        _ => "Nobody needs to decide: the policy and the register already answer it",
    };

    public static string State(RequestState state) => state switch
    {
        RequestState.Draft => "Draft: waiting for you to finish it",
        RequestState.Pending => "Waiting for a decision",
        RequestState.MoreInformationRequested => "More information requested from you",
        RequestState.Approved => "Approved",
        RequestState.Rejected => "Declined",
        RequestState.Withdrawn => "Withdrawn",
        RequestState.Expired => "Expired without a decision",
        _ => "Closed: answered by the policy or the register",
    };

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"31 July 2027", without culture data (the hosts may run with invariant globalisation).</summary>
    public static string Date(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    public static string Date(DateTimeOffset d) => Date(DateOnly.FromDateTime(d.UtcDateTime));
}
