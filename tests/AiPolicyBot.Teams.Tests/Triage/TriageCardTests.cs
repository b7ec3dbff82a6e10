using System.Collections.Concurrent;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Tests.Cards;
using AiPolicyBot.Teams.Triage;
using AiPolicyBot.Testing.Triage;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;
using Moq;

namespace AiPolicyBot.Teams.Tests.Triage;

/// <summary>The triage card (official validator) and its two verbs: channel check, confirmed category, corrections.</summary>
public class TriageCardTests
{
    private const string Channel = "19:ia-team@thread.tacv2";
    private static readonly TriageOptions Options = new() { TeamChannelConversationId = Channel };

    /// <summary>A question with markdown in its subject, an address in it, and a suggested answer.</summary>
    private static TriageRecord Record(TriageCategory category = TriageCategory.Question) =>
        TriageSamples.Record(category, key: new string('b', 64)) with
        {
            Subject = "Which tools are **approved**? {{injected}}",
            Confidence = 0.71,
            Signals = ["rule:question", "pii:email"],
            PersonalData = ["email"],
            SuggestedAnswer = "ChatGPT is approved, but never with personal data.",
        };

    [Fact]
    public async Task Triage_cards_pass_the_official_validator()
    {
        var plan = TriageActionPlanner.Plan(TriageCategory.Breach, new MailToTriage("sam@oak.example", null, "s", "b"), Options);
        await CardValidator.AssertAllValidAsync(
        [
            ("triage-question", TriageCard.Build(Record(), TriageActionPlanner.Plan(TriageCategory.Question, new MailToTriage("a@b.example", null, "s", "b"), Options))),
            ("triage-breach", TriageCard.Build(Record(TriageCategory.Breach), plan)),
            ("triage-confirmed", TriageCard.Build(Record() with { ConfirmedCategory = TriageCategory.Concern }, plan)),
        ]);
        var json = TriageCard.Build(Record(), plan).ToJson();
        Assert.Contains(TriageCard.ConfirmVerb, json);
        Assert.Contains(TriageCard.CorrectVerb, json);
        Assert.DoesNotContain("{{injected}}", json); // template braces broken
    }

    [Fact]
    public void A_possible_breach_card_is_marked_for_a_persons_look_and_a_confident_one_is_not()
    {
        var plan = TriageActionPlanner.Plan(TriageCategory.Breach, new MailToTriage("sam@oak.example", null, "s", "b"), Options);
        var confident = TriageCard.Build(Record(TriageCategory.Breach) with { Signals = ["breach:confident"] }, plan).ToJson();
        var possiblePlan = TriageActionPlanner.Plan(TriageCategory.Complaint, new MailToTriage("sam@oak.example", null, "s", "b"), Options, possibleBreach: true);
        var possible = TriageCard.Build(Record(TriageCategory.Complaint) with { Signals = ["ml:complaint=0.55", TriageClassifier.PossibleBreachSignal] }, possiblePlan).ToJson();
        var complaint = TriageCard.Build(Record(TriageCategory.Complaint) with { Signals = ["ml:complaint=0.95"] },
            TriageActionPlanner.Plan(TriageCategory.Complaint, new MailToTriage("sam@oak.example", null, "s", "b"), Options)).ToJson();

        Assert.Contains("Data breach reported", confident);
        Assert.DoesNotContain("please check", confident);
        // a possible breach keeps its category (complaint), and the card says the DPO was alerted all the same
        Assert.Contains("Possible data breach: triage is unsure, please check (the DPO has been alerted); triaged as complaint", possible);
        Assert.Contains("DPO alerted by email", possible);
        Assert.Contains("Mail triaged: complaint", complaint);
        Assert.DoesNotContain("DPO", complaint);
    }

    [Fact]
    public async Task Correct_stores_the_category_and_a_correction_for_retraining()
    {
        var example = TriageExample.From(new MailToTriage("sam@oak.example", null, "Which tools?", "Is Padlet approved?"));
        var (records, corrections) = Stores(Record() with { Example = example });
        var handler = new TriageCorrectHandler(new TriageReview(records, corrections, new RecordingRelease(), Options, TimeProvider.System));

        var response = await handler.HandleAsync(Turn(Channel + ";messageid=123"), Action(TriageCard.CorrectVerb, "concern"), default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(TriageCategory.Concern, records.Stored.ConfirmedCategory);
        Assert.Equal("aad-ia-officer", records.Stored.ConfirmedBy);
        var saved = Assert.Single(corrections.Saved);
        Assert.True(saved.IsCorrection);
        Assert.Equal((TriageCategory.Question, TriageCategory.Concern), (saved.Suggested, saved.Confirmed));
        Assert.Equal(example, saved.Example); // the labelled example for retraining
        Assert.Contains("\"expected\":\"concern\"", saved.ToJsonLine());
    }

    [Fact]
    public async Task Confirm_keeps_the_suggestion_and_records_it_as_confirmed()
    {
        var (records, corrections) = Stores(Record());
        var handler = new TriageConfirmHandler(new TriageReview(records, corrections, new RecordingRelease(), Options, TimeProvider.System));

        var response = await handler.HandleAsync(Turn(Channel), Action(TriageCard.ConfirmVerb, null), default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(TriageCategory.Question, records.Stored.ConfirmedCategory);
        Assert.False(Assert.Single(corrections.Saved).IsCorrection);
    }

    [Fact]
    public async Task Clicks_outside_the_IA_channel_and_bad_categories_change_nothing()
    {
        var (records, corrections) = Stores(Record());
        var review = new TriageReview(records, corrections, new RecordingRelease(), Options, TimeProvider.System);

        var elsewhere = await new TriageConfirmHandler(review).HandleAsync(Turn("19:other@thread.tacv2"), Action(TriageCard.ConfirmVerb, null), default);
        var bad = await new TriageCorrectHandler(review).HandleAsync(Turn(Channel), Action(TriageCard.CorrectVerb, "needsHuman"), default);
        var unknown = await new TriageCorrectHandler(review).HandleAsync(Turn(Channel), Action(TriageCard.CorrectVerb, "spam"), default);

        Assert.Equal(403, elsewhere.StatusCode);
        Assert.Equal(400, bad.StatusCode);
        Assert.Equal(400, unknown.StatusCode);
        Assert.Null(records.Stored.ConfirmedCategory);
        Assert.Empty(corrections.Saved);
    }

    private static TurnContext Turn(string conversationId) => new(new Activity
    {
        Type = "invoke",
        From = new ChannelAccount { Id = "29:officer", AadObjectId = "aad-ia-officer" },
        Conversation = new ConversationAccount { Id = conversationId },
    }, AuthMode.Channel, Mock.Of<IConnectorClient>());

    private static CardActionInvoke Action(string verb, string? category)
    {
        var data = new Dictionary<string, string> { ["triageKey"] = new string('b', 64) };
        if (category is not null) data[TriageCard.CategoryInput] = category;
        return new CardActionInvoke(verb, null, JsonSerializer.SerializeToElement(data), "manual");
    }

    [Fact]
    public async Task Confirming_a_held_tool_request_releases_its_acknowledgement_and_draft()
    {
        var (records, corrections) = Stores(Record(TriageCategory.ToolRequest));
        var release = new RecordingRelease();
        var held = TriageActionPlanner.Plan(TriageCategory.ToolRequest, new MailToTriage("sam@oak.example", null, "s", "b"), Options);
        Assert.True(held.HeldForPerson);                                // an outside sender with no passing checks
        Assert.Contains("sender not verified", TriageCard.Build(Record(TriageCategory.ToolRequest), held).ToJson());

        var response = await new TriageConfirmHandler(new TriageReview(records, corrections, release, Options, TimeProvider.System))
            .HandleAsync(Turn(Channel), Action(TriageCard.ConfirmVerb, null), default);

        Assert.Equal(200, response.StatusCode);
        var plan = Assert.Single(release.Plans);                        // the person vouched: now answer and draft
        Assert.True(plan.AcknowledgeSender && plan.CreateDraftRequest && !plan.HeldForPerson);
    }

    private sealed class RecordingRelease : ITriageRelease
    {
        public List<TriageActionPlan> Plans { get; } = [];

        public Task<Versioned<TriageRecord>> ReleaseAsync(Versioned<TriageRecord> confirmed, TriageActionPlan plan, CancellationToken ct)
        {
            Plans.Add(plan);
            return Task.FromResult(confirmed);
        }
    }

    private static (MemoryRecords, MemoryCorrections) Stores(TriageRecord record) => (new MemoryRecords(record), new MemoryCorrections());

    private sealed class MemoryRecords(TriageRecord start) : ITriageRecordStore
    {
        private int _version;
        public TriageRecord Stored { get; private set; } = start;

        public Task<(Versioned<TriageRecord> Record, bool Inserted)> InsertOrGetAsync(TriageRecord record, CancellationToken ct) => throw new NotSupportedException();

        public Task<Versioned<TriageRecord>?> GetAsync(string key, CancellationToken ct) =>
            Task.FromResult<Versioned<TriageRecord>?>(key == Stored.Key ? new(Stored, _version.ToString()) : null);

        public Task<Versioned<TriageRecord>> UpdateAsync(TriageRecord record, string version, CancellationToken ct)
        {
            if (version != _version.ToString()) throw new ConcurrencyConflictException("stale");
            Stored = record;
            return Task.FromResult(new Versioned<TriageRecord>(record, (++_version).ToString()));
        }
    }

    private sealed class MemoryCorrections : ITriageCorrectionStore
    {
        public ConcurrentQueue<TriageCorrection> Saved { get; } = new();
        public Task SaveAsync(TriageCorrection correction, CancellationToken ct) { Saved.Enqueue(correction); return Task.CompletedTask; }
        public Task<IReadOnlyList<TriageCorrection>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TriageCorrection>>([.. Saved]);
    }
}
