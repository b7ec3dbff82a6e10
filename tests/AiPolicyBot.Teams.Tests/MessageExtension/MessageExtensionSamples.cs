using AiPolicyBot.Academies;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Teams.MessageExtension;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Testing.Time;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Tests.MessageExtension;

/// <summary>The message extension's pure parts over the demo register (no storage): search, links, options.</summary>
internal static class MessageExtensionSamples
{
    public static readonly DateOnly Today = new(2026, 11, 27);
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    public const string BotId = "c9e8c047-2a74-40a2-b28a-b162d5f5327c";

    public static RegisterCache NewRegister() => new(new InMemoryRegisterStore(), new ManualClock(Now), TimeSpan.Zero, DemoRegister.Entries);

    public static ChatDeepLink Links(string? chatLinkBase = null) => new(
        Options.Create(new MessageExtensionOptions { ChatLinkBase = chatLinkBase ?? "https://teams.microsoft.com/l/chat/0/0" }),
        Options.Create(new BotOptions { AppId = BotId }));

    public static SearchToolsCommand SearchCommand(RegisterCache register, IToolDemand demand) =>
        new(new ToolSearch(register, demand), Links(), new ManualClock(Now), Options.Create(new MessageExtensionOptions()));

    public static StaffConversation Conversation(RegisterCache register) => new(
        register, new AiPolicyBot.Training.TrainingCache(new NoTraining()), new ManualClock(Now),
        new StaticMonitor<AcademyOptions>(new AcademyOptions()),
        Support.TestUnderstanding.Create(new AcademyOptions()));

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private sealed class NoTraining : AiPolicyBot.Training.ITrainingStore
    {
        public Task<AiPolicyBot.Training.TrainingRecord> RecordAsync(AiPolicyBot.Training.TrainingRecord record, CancellationToken ct) => Task.FromResult(record);
        public Task<AiPolicyBot.Training.TrainingRecord?> GetAsync(string userId, string entryId, CancellationToken ct) => Task.FromResult<AiPolicyBot.Training.TrainingRecord?>(null);
        public Task<bool> HasCompletedAsync(string userId, string entryId, CancellationToken ct) => Task.FromResult(false);
        public Task<IReadOnlyList<AiPolicyBot.Training.TrainingRecord>> ListForUserAsync(string userId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<AiPolicyBot.Training.TrainingRecord>>([]);
        public IAsyncEnumerable<AiPolicyBot.Training.TrainingRecord> ListAllAsync(CancellationToken ct) =>
            AsyncEnumerable.Empty<AiPolicyBot.Training.TrainingRecord>();
    }
}
