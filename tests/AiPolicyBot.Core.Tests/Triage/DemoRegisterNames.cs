namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>Names, aliases and vendors of the demo register (contracts.md §6): the gazetteer input for triage tests.</summary>
public static class DemoRegisterNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "Microsoft 365 Copilot Chat", "Copilot", "Bing Chat Enterprise", "Microsoft",
        "ChatGPT", "Chat GPT", "OpenAI ChatGPT", "OpenAI",
        "Gemini", "Google Bard", "Google",
        "Claude", "Anthropic",
        "TeacherMatic", "Jisc",
        "Grammarly",
        "Otter.ai", "Otter",
        "Canva Magic Studio", "Canva",
        "Aila", "Oak National Academy",
        "Khanmigo", "Khan Academy",
        "Midjourney",
    ];
}
