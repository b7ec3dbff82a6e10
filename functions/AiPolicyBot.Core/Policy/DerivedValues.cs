namespace AiPolicyBot.Policy;

/// <summary>The values of docs/policy-and-register.md, computed from an intake; never asked.</summary>
public sealed class DerivedValues
{
    private static readonly HashSet<DataCategory> PersonalCategories =
    [
        DataCategory.Pupil, DataCategory.Staff, DataCategory.Parent, DataCategory.SpecialCategory,
        DataCategory.Safeguarding, DataCategory.ExamResults, DataCategory.PupilWork, DataCategory.ImagesVoiceVideo,
    ];

    public DerivedValues(Intake intake, PolicyOptions options)
    {
        LearnersIncluded = intake.Users is UserGroup.Learners or UserGroup.StaffAndLearners;
        YoungestAge = LearnersIncluded && intake.YoungestYearGroup is { } y ? y.YoungestAge() : null;
        EffectiveMinAge = Math.Max(intake.VendorMinAge, options.TrustMinimumLearnerAge);
        HasPersonalData = intake.DataCategories.Any(PersonalCategories.Contains);
        HasCommercial = intake.DataCategories.Contains(DataCategory.Commercial);
        DataUnsure = intake.DataCategories.Contains(DataCategory.Unsure);
        AboutIndividuals = intake.OutputUse is OutputUse.RecommendationsAboutIndividuals
            or OutputUse.ScoresAboutIndividuals or OutputUse.AutomaticActions;
        SolelyAutomated = intake.OutputUse == OutputUse.AutomaticActions
            || (AboutIndividuals && intake.HumanReview == HumanReview.None);
        Significant = intake.SignificantEffect.Any(e => e != SignificantEffect.None);
        Installed = intake.AccessMode is not (AccessMode.WebBrowser or AccessMode.FeatureOfApprovedProduct);
        TenantConsent = intake.AccessMode == AccessMode.ApiOrConsent;
    }

    /// <summary><c>users</c> includes learners as asked (before R3's staff-continuation mode).</summary>
    public bool LearnersIncluded { get; }
    public int? YoungestAge { get; }
    public int EffectiveMinAge { get; }
    public bool HasPersonalData { get; }
    public bool HasCommercial { get; }
    public bool DataUnsure { get; }
    public bool TouchesSensitiveData => HasPersonalData || HasCommercial || DataUnsure;
    public bool AboutIndividuals { get; }
    public bool SolelyAutomated { get; }
    public bool Significant { get; }
    public bool Installed { get; }
    public bool TenantConsent { get; }
}
