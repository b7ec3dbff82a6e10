using System.Text.Json.Serialization;

namespace AiPolicyBot.Policy;

/// <summary>
/// A request for approval of an AI tool (docs/policy-and-register.md), after validation.
/// Enumerated wire values are the camelCase names of the enum members (see <see cref="Common.AiPolicyJson"/>).
/// Optional fields the spec leaves absent stay null; defaults from docs/policy-and-register.md are already applied.
/// </summary>
public sealed record Intake
{
    public required RequestType RequestType { get; init; }
    public required string AcademyId { get; init; }
    public required StaffRole Role { get; init; }
    public required string ToolName { get; init; }
    public string? Vendor { get; init; }
    public string? ToolUrl { get; init; }
    public required Edition Edition { get; init; }
    public required AccessMode AccessMode { get; init; }
    public AccountType? AccountType { get; init; }
    public required string Purpose { get; init; }
    public required UseCategory UseCategory { get; init; }
    public required UserGroup Users { get; init; }
    public YearGroup? YoungestYearGroup { get; init; }
    public Supervision? Supervision { get; init; }
    /// <summary>0 means none stated.</summary>
    public int VendorMinAge { get; init; }
    public JcqAssessed JcqAssessed { get; init; } = JcqAssessed.No;
    public bool AiProducesAssessedWork { get; init; }
    public required IReadOnlyList<DataCategory> DataCategories { get; init; }
    public required VendorTraining VendorTrainsOnInputs { get; init; }
    public DataLocation? DataLocation { get; init; }
    public YesNoUnknown? DpaAvailable { get; init; }
    public required OutputUse OutputUse { get; init; }
    public IReadOnlyList<SignificantEffect> SignificantEffect { get; init; } = [Policy.SignificantEffect.None];
    public HumanReview? HumanReview { get; init; }
    public Explainable? Explainable { get; init; }
    public YesNoUnsure? ProtectedCharacteristicImpact { get; init; }
    public YesNoUnknown? FilteringMonitoring { get; init; }
    public required bool DeclNoDataYet { get; init; }
    public required bool DeclReadPolicy { get; init; }
}

public enum RequestType { NewTool, NewUse, Renewal, ChangeOfScope }
public enum StaffRole { Teacher, Support, Leader, Central, It, Other }
public enum Edition { FreeConsumer, PaidIndividual, EducationEnterprise, TrustTenant, Unknown }
public enum AccessMode { WebBrowser, BrowserExtension, DesktopApp, MobileApp, AddIn, ApiOrConsent, FeatureOfApprovedProduct }
public enum AccountType { TrustSso, Personal, None, PupilAccounts }
public enum UseCategory { LessonPlanning, FeedbackMarking, AdminComms, SendEal, DataAnalysis, Safeguarding, Hr, Finance, LearnerTutoring, Assessment, Other }
public enum UserGroup { Staff, Learners, StaffAndLearners }
public enum Supervision { Supervised, Independent, Home }
public enum JcqAssessed { No, LearnersProduce, StaffMark, Unsure }
public enum DataCategory { None, Pupil, Staff, Parent, SpecialCategory, Safeguarding, ExamResults, Commercial, PupilWork, ImagesVoiceVideo, Unsure }
public enum VendorTraining { No, OptOut, Yes, Unknown }
public enum DataLocation { Uk, Eea, Other, Unknown }
public enum YesNoUnknown { Yes, No, Unknown }
public enum YesNoUnsure { No, Yes, Unsure }
public enum OutputUse { Ideas, DraftsEdited, RecommendationsAboutIndividuals, ScoresAboutIndividuals, AutomaticActions }
public enum SignificantEffect { None, Access, Grades, Behaviour, Safeguarding, Hr, Financial }
public enum HumanReview { Every, Sample, None }
public enum Explainable { Yes, Partly, No }

/// <summary>Year groups; the wire names are not camelCase, so each carries its own.</summary>
public enum YearGroup
{
    [JsonStringEnumMemberName("EYFS")] Eyfs,
    [JsonStringEnumMemberName("Y1")] Y1,
    [JsonStringEnumMemberName("Y2")] Y2,
    [JsonStringEnumMemberName("Y3")] Y3,
    [JsonStringEnumMemberName("Y4")] Y4,
    [JsonStringEnumMemberName("Y5")] Y5,
    [JsonStringEnumMemberName("Y6")] Y6,
    [JsonStringEnumMemberName("Y7")] Y7,
    [JsonStringEnumMemberName("Y8")] Y8,
    [JsonStringEnumMemberName("Y9")] Y9,
    [JsonStringEnumMemberName("Y10")] Y10,
    [JsonStringEnumMemberName("Y11")] Y11,
    [JsonStringEnumMemberName("Y12")] Y12,
    [JsonStringEnumMemberName("Y13")] Y13,
    [JsonStringEnumMemberName("post16")] Post16,
}

public static class YearGroups
{
    /// <summary>Age of the youngest learner in a year group (docs/policy-and-register.md): EYFS 4, Yn n+4, post16 16.</summary>
    public static int YoungestAge(this YearGroup year) => year switch
    {
        YearGroup.Eyfs => 4,
        YearGroup.Post16 => 16,
        _ => (int)year + 4, // Y1 = 1 … Y13 = 13
    };
}
