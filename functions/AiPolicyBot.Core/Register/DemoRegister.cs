using AiPolicyBot.Policy;

namespace AiPolicyBot.Register;

/// <summary>
/// The demo register (docs/policy-and-register.md), loaded when the register is
/// empty. Statuses are demo data, not a statement by any Trust.
/// </summary>
public static class DemoRegister
{
    private static readonly DateOnly ReviewBy = new(2027, 7, 31);

    public static IReadOnlyList<RegisterEntry> Entries { get; } =
    [
        new()
        {
            Id = "m365-copilot-chat", Name = "Microsoft 365 Copilot Chat", Vendor = "Microsoft", Edition = Edition.TrustTenant,
            Status = RegisterStatus.Approved, Aliases = ["Copilot", "Bing Chat Enterprise"],
            Scope = new RegisterScope { Users = UserGroup.Staff },
            Conditions = [ConditionCodes.TrainingBeforeFirstUse], ReviewBy = ReviewBy,
            Description = "Copilot Chat signed in with your Trust account; data stay in the Trust's Microsoft 365 tenant.",
        },
        new()
        {
            Id = "chatgpt-free", Name = "ChatGPT", Vendor = "OpenAI", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.ApprovedNoPersonalData, Aliases = ["Chat GPT", "OpenAI ChatGPT"],
            Scope = new RegisterScope { Users = UserGroup.Staff, DataAllowed = false },
            Conditions = [ConditionCodes.NoPersonalOrSensitiveData], ReviewBy = ReviewBy,
            Description = "The free consumer ChatGPT, for staff, with no personal or commercially sensitive data.",
        },
        new()
        {
            Id = "gemini-consumer", Name = "Gemini", Vendor = "Google", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.NotAssessed, Aliases = ["Google Bard"],
        },
        new()
        {
            Id = "claude-free", Name = "Claude", Vendor = "Anthropic", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.UnderReview,
        },
        new()
        {
            Id = "teachermatic", Name = "TeacherMatic", Vendor = "Jisc", Edition = Edition.EducationEnterprise,
            Status = RegisterStatus.Approved, Scope = new RegisterScope { Users = UserGroup.Staff },
            Conditions = [ConditionCodes.TrainingBeforeFirstUse], ReviewBy = ReviewBy,
            Description = "AI generators for lesson resources, for staff, after the TeacherMatic training module.",
        },
        new()
        {
            Id = "grammarly-ext", Name = "Grammarly", Vendor = "Grammarly", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.Declined,
            DecisionReason = "the free browser extension reads everything typed in the browser, including pupil " +
                             "records in the MIS, and the consumer terms allow use of that text",
        },
        new()
        {
            Id = "otter-ai", Name = "Otter.ai", Vendor = "Otter.ai", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.Declined,
            DecisionReason = "it records and transcribes the voices of everyone in a meeting, including pupils and " +
                             "parents, and stores the recordings outside the UK",
        },
        new()
        {
            Id = "canva-magic", Name = "Canva Magic Studio", Vendor = "Canva", Edition = Edition.EducationEnterprise,
            Status = RegisterStatus.ApprovedNoPersonalData, Aliases = ["Canva Magic Write", "Canva AI"],
            Scope = new RegisterScope { Users = UserGroup.StaffAndLearners, MinYearGroup = YearGroup.Y7, DataAllowed = false },
            Conditions = [ConditionCodes.NoPersonalOrSensitiveData], ReviewBy = ReviewBy,
        },
        new()
        {
            Id = "oak-aila", Name = "Aila", Vendor = "Oak National Academy", Edition = Edition.FreeConsumer,
            Status = RegisterStatus.ApprovedNoPersonalData, Aliases = ["Oak Aila"],
            Scope = new RegisterScope { Users = UserGroup.Staff, DataAllowed = false },
            Conditions = [ConditionCodes.NoPersonalOrSensitiveData], ReviewBy = ReviewBy,
        },
        new()
        {
            Id = "khanmigo", Name = "Khanmigo", Vendor = "Khan Academy", Edition = Edition.EducationEnterprise,
            Status = RegisterStatus.UnderReview, Scope = new RegisterScope { Users = UserGroup.StaffAndLearners },
            Description = "Learner-facing AI tutor; under review by the Trust.",
        },
        new()
        {
            Id = "midjourney", Name = "Midjourney", Vendor = "Midjourney", Edition = Edition.PaidIndividual,
            Status = RegisterStatus.Retired,
            DecisionReason = "retired when the Trust moved image generation to approved tools with education terms",
        },
    ];
}
