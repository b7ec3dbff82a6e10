namespace AiPolicyBot.Policy;

/// <summary>
/// Plain-English meaning of each condition code (docs/policy-and-register.md), for cards and emails. Codes never carry
/// values; an unknown code or free text added by an approver is shown as it is.
/// </summary>
public static class ConditionDescriptions
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [ConditionCodes.DpaRequired] = "A data processing agreement (with international-transfer terms where data leave the UK/EEA) is in place before go-live.",
        [ConditionCodes.DpiaRequired] = "A data protection impact assessment (DPIA) is completed and signed off by the DPO before go-live.",
        [ConditionCodes.EqualityReview] = "Due diligence considers bias by protected characteristic, and outcomes are monitored.",
        [ConditionCodes.ExplainabilityRecord] = "Staff record how AI informed a decision and can explain it to the person affected.",
        [ConditionCodes.HumanReview] = "A named person reviews every output before it informs a decision about an individual.",
        [ConditionCodes.HumanReviewOfOutputs] = "Users check outputs for accuracy and bias before using or sharing them.",
        [ConditionCodes.IpConsent] = "Pupils' original work is uploaded only with appropriate consent and is not used to train the vendor's models.",
        [ConditionCodes.IpNoPupilWork] = "Pupils' original work must not be uploaded.",
        [ConditionCodes.ItManagedDeployment] = "IT packages and deploys the software; no self-install and no local admin rights.",
        [ConditionCodes.JcqRules] = "JCQ \"AI Use in Assessments\" applies: AI use is acknowledged and referenced, the exams officer is informed, and the malpractice policy covers AI.",
        [ConditionCodes.LearnerUseProhibited] = "Learners may not use the tool (below the minimum age); staff use only.",
        [ConditionCodes.LeastPrivilegeScopes] = "Access to Trust data only through an admin consent request reviewed by IT, with the minimum scopes; no user consent.",
        [ConditionCodes.MinAge] = "Learners younger than the minimum age must not use the tool; the age is recorded in the register.",
        [ConditionCodes.NoPersonalOrSensitiveData] = "No personal or commercially sensitive data may be entered.",
        [ConditionCodes.PossibleIncidentReview] = "Personal or sensitive data may already have been entered into an unapproved tool; the DPO reviews it as a possible incident.",
        [ConditionCodes.PrivacyNoticeUpdate] = "Privacy notices state the AI use before go-live.",
        [ConditionCodes.Review12Months] = "Re-review within 12 months (or at the next AI policy review if sooner), and on any material change.",
        [ConditionCodes.Review6Months] = "Re-review within 6 months of the decision.",
        [ConditionCodes.SafeguardingFiltering] = "The tool meets DfE filtering and monitoring expectations for learner use; the DSL is informed and signs off.",
        [ConditionCodes.SupervisedUse] = "Learners use the tool only under staff supervision.",
        [ConditionCodes.TrainingBeforeFirstUse] = "Each user completes the Trust AI training (and any tool-specific module) before first use.",
        [ConditionCodes.TrustAccountOnly] = "Accounts use the Trust identity (Trust sign-in or Trust email), never personal accounts.",
        [ConditionCodes.VendorTrainingOff] = "Vendor training on inputs is switched off or contractually excluded before use.",
    };

    /// <summary>Every code with a meaning: the closed list (<see cref="ConditionCodes.All"/>).</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(Texts.Keys, StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is one of the closed list of codes.</summary>
    public static bool IsKnown(string code) => Texts.ContainsKey(code);

    /// <summary>The plain-English text for a code; anything else (free text) comes back unchanged.</summary>
    public static string Describe(string code) => Texts.TryGetValue(code, out var text) ? text : code;
}
