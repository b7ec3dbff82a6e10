using System.Diagnostics;
using AiPolicyBot.Bench.Fixtures;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.Conversation.Understanding;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Bench;

/// <summary>
/// What the first use of each piece costs in a fresh process (JIT, static initialisers, regex construction): the
/// parts of a cold start's first turn that do not touch storage. Run it as its own process ("first-call").
/// </summary>
public static class FirstCallHarness
{
    public static async Task RunAsync()
    {
        var total = Stopwatch.StartNew();
        Time("register snapshot + search index (demo register)", () => new RegisterSnapshot(DemoRegister.Entries).Search.FindInText("warm"));
        var register = new RegisterSnapshot(DemoRegister.Entries);
        _ = register.Search;
        var understanding = UnderstandingServices.Create(new NoAcademies());
        Time("intent model load (committed model: exported tables, no ML.NET)", () => _ = new IntentModelProvider().Model.Labels.Count);
        Time("MessageUnderstanding, first message (model load, catalogue index, JIT)", () => understanding.Understand(InProcessBot.Question, register));
        Time("MessageUnderstanding, second message", () => understanding.Understand("can I use gemini with year 7?", register));
        Time("OtherReplies, first reply", () => OtherReplies.For("thanks"));
        Time("TriageClassifier.Create (training, lazy in the host)", () => TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All));
        var keys = new ChannelKeys();
        var auth = keys.Authenticator();
        var header = "Bearer " + keys.Token();
        var activity = System.Text.Json.JsonSerializer.Deserialize<AiPolicyBot.Teams.Protocol.Activity>(
            InProcessBot.Activity("a:1").Replace(InProcessBot.SinkUrl, ChannelKeys.ServiceUrl), AiPolicyBot.Common.AiPolicyJson.Options)!;
        Time("first JWT validation (key fetch from the in-process stub)", () => auth.AuthenticateAsync(header, activity, false, default).GetAwaiter().GetResult());
        var sw = Stopwatch.StartNew();
        await using var bot = new InProcessBot(conversations: 2);
        Console.WriteLine($"| build the host's service provider (AddAiPolicyBot) | {sw.Elapsed.TotalMilliseconds:F0} |");
        sw.Restart();
        await bot.TurnAsync();
        Console.WriteLine($"| first in-process turn (in-memory stores) | {sw.Elapsed.TotalMilliseconds:F0} |");
        sw.Restart();
        await bot.TurnAsync();
        Console.WriteLine($"| second turn, new conversation | {sw.Elapsed.TotalMilliseconds:F1} |");
        Console.WriteLine($"| total | {total.Elapsed.TotalMilliseconds:F0} |");
    }

    private static void Time(string name, Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        Console.WriteLine($"| {name} | {sw.Elapsed.TotalMilliseconds:F1} |");
    }
}
