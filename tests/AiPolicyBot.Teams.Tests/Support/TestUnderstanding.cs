using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using Microsoft.Extensions.Options;
using Moq;

namespace AiPolicyBot.Teams.Tests.Support;

/// <summary>The bot's message understanding with the committed model (loaded once per test run) and demo academies.</summary>
internal static class TestUnderstanding
{
    private static readonly IntentModelProvider Model = new();

    public static readonly AcademyOptions DemoAcademies = new()
    {
        Items =
        {
            ["oakfield"] = new AcademyInfo { Name = "Oakfield Academy" },
            ["brookmere"] = new AcademyInfo { Name = "Brookmere Academy" },
            ["hillcrest"] = new AcademyInfo { Name = "Hillcrest Academy" },
            ["riverside"] = new AcademyInfo { Name = "Riverside Academy" },
            ["st-aidans"] = new AcademyInfo { Name = "St Aidan's Academy" },
            ["kingsmoor"] = new AcademyInfo { Name = "Kingsmoor Academy" },
        },
    };

    public static readonly RegisterSnapshot DemoRegisterSnapshot = new(DemoRegister.Entries);

    private static readonly Lazy<MessageUnderstanding> Default = new(() => Create(DemoAcademies));

    public static MessageUnderstanding Shared => Default.Value;

    public static MessageUnderstanding Create(AcademyOptions academies)
    {
        var monitor = Mock.Of<IOptionsMonitor<AcademyOptions>>(m => m.CurrentValue == academies);
        return UnderstandingServices.Create(monitor, Model);
    }

    public static UnderstoodMessage Understand(string text) => Shared.Understand(text, DemoRegisterSnapshot);
}
