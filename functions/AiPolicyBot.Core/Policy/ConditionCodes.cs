namespace AiPolicyBot.Policy;

/// <summary>The closed list of condition codes (docs/policy-and-register.md). A code never carries a value.</summary>
public static class ConditionCodes
{
    public const string DpaRequired = "DPA_REQUIRED";
    public const string DpiaRequired = "DPIA_REQUIRED";
    public const string EqualityReview = "EQUALITY_REVIEW";
    public const string ExplainabilityRecord = "EXPLAINABILITY_RECORD";
    public const string HumanReview = "HUMAN_REVIEW";
    public const string HumanReviewOfOutputs = "HUMAN_REVIEW_OF_OUTPUTS";
    public const string IpConsent = "IP_CONSENT";
    public const string IpNoPupilWork = "IP_NO_PUPIL_WORK";
    public const string ItManagedDeployment = "IT_MANAGED_DEPLOYMENT";
    public const string JcqRules = "JCQ_RULES";
    public const string LearnerUseProhibited = "LEARNER_USE_PROHIBITED";
    public const string LeastPrivilegeScopes = "LEAST_PRIVILEGE_SCOPES";
    public const string MinAge = "MIN_AGE";
    public const string NoPersonalOrSensitiveData = "NO_PERSONAL_OR_SENSITIVE_DATA";
    public const string PossibleIncidentReview = "POSSIBLE_INCIDENT_REVIEW";
    public const string PrivacyNoticeUpdate = "PRIVACY_NOTICE_UPDATE";
    public const string Review12Months = "REVIEW_12_MONTHS";
    public const string Review6Months = "REVIEW_6_MONTHS";
    public const string SafeguardingFiltering = "SAFEGUARDING_FILTERING";
    public const string SupervisedUse = "SUPERVISED_USE";
    public const string TrainingBeforeFirstUse = "TRAINING_BEFORE_FIRST_USE";
    public const string TrustAccountOnly = "TRUST_ACCOUNT_ONLY";
    public const string VendorTrainingOff = "VENDOR_TRAINING_OFF";

    /// <summary>
    /// The closed list: the codes <see cref="ConditionDescriptions"/> gives a meaning, so the list and the meanings are
    /// one table and cannot drift apart.
    /// </summary>
    public static IReadOnlySet<string> All => ConditionDescriptions.Codes;
}
