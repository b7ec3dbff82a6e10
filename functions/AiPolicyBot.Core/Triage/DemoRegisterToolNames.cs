namespace AiPolicyBot.Triage;

/// <summary>
/// Names, aliases and vendors of the demo register (docs/policy-and-register.md), as a gazetteer for triage until the live
/// register snapshot is passed in. Triage itself never reads the register.
/// </summary>
public static class DemoRegisterToolNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "Microsoft 365 Copilot Chat", "Copilot", "Bing Chat Enterprise", "Microsoft",
        "ChatGPT", "Chat GPT", "OpenAI ChatGPT", "OpenAI",
        "Gemini", "Google Bard", "Google",
        "Claude", "Anthropic",
        "TeacherMatic", "Jisc",
        "Grammarly",
        "Otter.ai",
        "Canva Magic Studio", "Canva",
        "Aila", "Oak National Academy",
        "Khanmigo", "Khan Academy",
        "Midjourney",
    ];
}
