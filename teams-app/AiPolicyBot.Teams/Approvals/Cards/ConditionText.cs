using AiPolicyBot.Policy;

namespace AiPolicyBot.Teams.Approvals.Cards;

/// <summary>Condition codes in plain English for cards (policy-routing.md §9).</summary>
public static class ConditionText
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [ConditionCodes.DpaRequired] = "A data processing agreement (with international-transfer terms if data leave the UK/EEA) is in place before go-live.",
        [ConditionCodes.DpiaRequired] = "A data protection impact assessment is completed and signed off by the DPO before go-live.",
        [ConditionCodes.EqualityReview] = "Bias by protected characteristic is considered before approval and outcomes are monitored (policy 3.3).",
        [ConditionCodes.ExplainabilityRecord] = "Staff record how AI informed a decision and can explain it to the person affected.",
        [ConditionCodes.HumanReview] = "A named person reviews every output before it informs a decision about an individual.",
        [ConditionCodes.HumanReviewOfOutputs] = "Users check outputs for accuracy and bias before using or sharing them.",
        [ConditionCodes.IpConsent] = "Pupils' work is uploaded only with consent and is not used to train the vendor's models.",
        [ConditionCodes.IpNoPupilWork] = "Pupils' original work must not be uploaded.",
        [ConditionCodes.ItManagedDeployment] = "IT packages and deploys the software; no self-install.",
        [ConditionCodes.JcqRules] = "JCQ rules on AI use in assessments apply.",
        [ConditionCodes.LearnerUseProhibited] = "Learners may not use the tool; staff use only.",
        [ConditionCodes.LeastPrivilegeScopes] = "Access to Trust data only through an admin consent reviewed by IT, with the minimum scopes.",
        [ConditionCodes.MinAge] = "Learners below the minimum age must not use the tool.",
        [ConditionCodes.NoPersonalOrSensitiveData] = "No personal or commercially sensitive data may be entered.",
        [ConditionCodes.PossibleIncidentReview] = "Personal or sensitive data may already have been entered: the DPO reviews it as a possible incident.",
        [ConditionCodes.PrivacyNoticeUpdate] = "Privacy notices state the AI use before go-live.",
        [ConditionCodes.Review12Months] = "Re-review within 12 months (or at the next AI policy review) and on any material change.",
        [ConditionCodes.Review6Months] = "Re-review within 6 months of the decision.",
        [ConditionCodes.SafeguardingFiltering] = "The tool meets DfE filtering and monitoring expectations; the DSL signs off.",
        [ConditionCodes.SupervisedUse] = "Learners use the tool only under staff supervision.",
        [ConditionCodes.TrainingBeforeFirstUse] = "Each user completes the Trust AI training before first use.",
        [ConditionCodes.TrustAccountOnly] = "Accounts use the Trust identity, never personal accounts.",
        [ConditionCodes.VendorTrainingOff] = "Vendor training on inputs is switched off or contractually excluded before use.",
    };

    public static string For(string code) => Texts.TryGetValue(code, out var text) ? text : code;
}
