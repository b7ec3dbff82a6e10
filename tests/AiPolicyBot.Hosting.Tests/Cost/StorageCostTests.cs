using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Infrastructure.Storage.Diagnostics;
using AiPolicyBot.Testing.Azurite;
using AiPolicyBot.Testing.Cost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace AiPolicyBot.Hosting.Tests.Cost;

/// <summary>
/// What each use case costs in storage transactions (docs/deploy.md, "Cost model"), counted on the wire by
/// <see cref="StorageCallLog"/> against Azurite, never estimated; and no hot path may scan a table (docs/storage.md).
/// The figures are printed so the cost model can quote them.
/// </summary>
public sealed class StorageCostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Question = "can I use chat gpt for lesson plans?";
    private readonly StorageRig _rig = new(TestStorage.ConnectionString);

    public async Task InitializeAsync()
    {
        // Tables created, the register seeded and cached, the request index marked built: what a running instance has.
        Assert.Equal(200, await _rig.TurnAsync(Question, Person(999), "a:warm-up"));
        var reference = await _rig.SubmitAsync(Person(998));
        Assert.Equal(200, (await _rig.ClickAsync("approval.approve", reference, StorageRig.Cio)).Status);
        Assert.Equal(200, await _rig.TurnAsync("my requests", Person(998), "a:warm-up-2"));
        await _rig.FollowUpAsync(); // the follow-up's tables and queues exist too
        // The approvers have the bot in Teams (each has chatted with it), so their cards are posted and kept current.
        foreach (var approver in new[] { StorageRig.Cio, StorageRig.Cdo, StorageRig.Dpo })
            Assert.Equal(200, await _rig.TurnAsync("hello", approver, "a:approver-" + approver));
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static string Person(int i) => $"00000000-0000-4000-8000-{i:D12}";

    private void Report(string what, int count, int per = 1)
    {
        output.WriteLine($"{what}: {count} storage transactions ({_rig.Calls.Tables.Count} table, {_rig.Calls.Queues.Count} queue) per {per} => {(double)count / per:0.00}");
        foreach (var c in _rig.Calls.Tables.Calls.Concat(_rig.Calls.Queues.Calls)) output.WriteLine($"  {c.Service} {c.Method} {c.Resource} {c.Filter}");
    }

    [Fact]
    public async Task A_can_I_use_turn_costs_at_most_one_storage_transaction_on_average_and_a_repeat_costs_none()
    {
        const int people = 20, questions = 3;

        // First contact (the chat is new: its reference is stored) in one instance…
        _rig.Calls.Clear();
        for (var p = 0; p < people; p++) Assert.Equal(200, await _rig.TurnAsync(Question, Person(p), $"a:chat-{p}"));
        Report("can I use X?, a person's first message ever", _rig.Calls.Total, people);
        Assert.True(_rig.Calls.Total <= 5 * people, $"{_rig.Calls.Total} transactions for {people} first messages");

        // …then a fresh instance (nothing cached) where each of them asks three questions in their chat.
        await using var fresh = new StorageRig(TestStorage.ConnectionString, prefix: _rig.Prefix);
        Assert.Equal(200, await fresh.TurnAsync(Question, Person(999), "a:warm-up")); // the register loaded
        fresh.Calls.Clear();
        for (var p = 0; p < people; p++)
        {
            for (var q = 0; q < questions; q++) Assert.Equal(200, await fresh.TurnAsync(Question, Person(p), $"a:chat-{p}"));
        }
        output.WriteLine($"can I use X?, {people} people x {questions} questions in a fresh instance: {fresh.Calls.Total} transactions => {(double)fresh.Calls.Total / (people * questions):0.00} per turn");
        foreach (var c in fresh.Calls.Tables.Calls.Take(6)) output.WriteLine($"  {c.Service} {c.Method} {c.Resource} {c.Filter}");
        Assert.True(fresh.Calls.Total <= people * questions, $"{fresh.Calls.Total} transactions for {people * questions} turns");

        // A person already seen by this instance costs nothing.
        fresh.Calls.Clear();
        for (var p = 0; p < people; p++) Assert.Equal(200, await fresh.TurnAsync(Question, Person(p), $"a:chat-{p}"));
        Assert.Equal(0, fresh.Calls.Total);
    }

    [Fact]
    public async Task A_submitted_request_and_a_decision_cost_what_the_cost_model_says()
    {
        Assert.Equal(200, await _rig.TurnAsync(Question, Person(1), "a:requester-1")); // the requester asked in their chat
        _rig.Calls.Clear();
        var reference = await _rig.SubmitAsync(Person(1));
        var submitted = _rig.Calls.Total;
        Report("submitted request", submitted);
        Assert.InRange(submitted, 1, 12);
        Assert.Equal(1, await _rig.FollowUpAsync()); // the cards go out (not counted here)
        // As in a trust: the card reached each approver's chat and the requester's, and every copy is kept current.
        var copies = await _rig.Services.GetRequiredService<IApprovalCardStore>().ListAsync(reference, default);
        Assert.Equal(4, copies.Count);

        _rig.Calls.Clear();
        var (status, body) = await _rig.ClickAsync("approval.approve", reference, StorageRig.Cio);
        Assert.Equal(200, status);
        Assert.Contains("Your approval was recorded", body, StringComparison.Ordinal);
        var decision = _rig.Calls.Total;
        Report("decision (approve click)", decision);
        // The click commits the request with its event and queues the event: nothing else before the answer
        // (docs/approvals.md, "What a click writes"); rows, audit, index and cards follow from the event.
        Assert.Equal(3, decision);
        Assert.Equal(1, _rig.Calls.Queues.Count);

        _rig.Calls.Clear();
        var edits = _rig.Replies;
        Assert.Equal(1, await _rig.FollowUpAsync());
        var followUp = _rig.Calls.Total;
        Report("decision (its follow-up: rows, audit, index, cards)", followUp);
        Assert.True(_rig.Replies - edits >= copies.Count, $"{_rig.Replies - edits} connector calls for {copies.Count} card copies");
        // Counted, not guessed: the decision's whole storage work is 12, click and follow-up (docs/deploy.md).
        // Card copies are read once whatever their number; the click's message carries its outbox row's version.
        Assert.InRange(decision + followUp, 1, 12);
    }

    [Fact]
    public async Task A_triaged_mail_costs_what_the_cost_model_says()
    {
        var folder = _rig.Services.GetRequiredService<LocalDropFolder>();
        await DropAsync(folder, "warm-up.eml", "Is Gemini approved?");
        Assert.Equal(1, await folder.RunAsync(default)); // the classifier loaded, the inbox tables created
        _rig.Calls.Clear();
        await DropAsync(folder, "question.eml", "Can I use Perplexity for lesson planning?");

        Assert.Equal(1, await folder.RunAsync(default));
        var triaged = _rig.Calls.Total;
        Report("triaged mail (drop folder -> record -> actions -> outbox)", triaged);
        Assert.InRange(triaged, 1, 12);
    }

    private static async Task DropAsync(LocalDropFolder folder, string name, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("Sam Teacher <sam.teacher@oak.academy.example>"));
        message.To.Add(MailboxAddress.Parse("information.assurance@trust.example"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = $"Hello, {subject} I would use it for planning Year 8 lessons. Thanks, Sam" };
        Directory.CreateDirectory(folder.InboxFolder);
        var file = Path.Combine(folder.InboxFolder, name);
        await message.WriteToAsync(file);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task No_hot_path_query_scans_a_table()
    {
        _rig.Calls.Clear();
        var requester = Person(7);
        Assert.Equal(200, await _rig.TurnAsync(Question, requester, "a:scan-1"));
        var reference = await _rig.SubmitAsync(requester);
        Assert.Equal(200, await _rig.TurnAsync("my requests", requester, "a:scan-1"));
        Assert.Equal(200, await _rig.TurnAsync("pending", StorageRig.Cdo, "a:scan-cdo"));
        Assert.Equal(200, (await _rig.ClickAsync("approval.approve", reference, StorageRig.Cio)).Status);
        Assert.Equal(200, (await _rig.ClickAsync("approval.refresh", reference, StorageRig.Dpo)).Status);

        var queries = _rig.Calls.Tables.Calls.Where(c => c.IsQuery).ToList();
        foreach (var q in queries) output.WriteLine($"query {q.Resource} {q.Filter}");
        Assert.NotEmpty(queries); // "my requests" and "pending" are queries: the check saw them
        Assert.DoesNotContain(queries, q => q.IsScan);
    }
}
