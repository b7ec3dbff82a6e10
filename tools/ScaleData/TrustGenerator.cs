using AiPolicyBot.Approvals;
using AiPolicyBot.Audit;
using AiPolicyBot.Policy;
using AiPolicyBot.Requests;
using AiPolicyBot.Training;
using AiPolicyBot.Triage;
using AiPolicyBot.Triage.Inbox;

namespace AiPolicyBot.Tools.ScaleData;

/// <summary>
/// A large trust's history, from one seeded random source and nothing else (no clock, no machine state): people and
/// their academies, training records, four years of requests with their decisions, each request's audit stream,
/// triaged mail of the last 180 days and monthly asks per tool. Free text is generated filler, never real content.
/// </summary>
public sealed class TrustGenerator(ScaleOptions o)
{
    public static readonly string[] Academies = ["oakfield", "brookmere", "hillcrest", "riverside", "st-aidans", "kingsmoor", "trust"];

    /// <summary>Tools in the demo register (asked about by id) and tools it does not know (the shadow-AI signal).</summary>
    public static readonly (string Id, string Name)[] RegisterTools =
    [
        ("m365-copilot-chat", "Microsoft 365 Copilot Chat"), ("chatgpt-free", "ChatGPT"), ("gemini-consumer", "Gemini"),
        ("claude-free", "Claude"), ("teachermatic", "TeacherMatic"), ("grammarly-ext", "Grammarly"), ("otter-ai", "Otter.ai"),
        ("canva-magic", "Canva Magic Studio"), ("oak-aila", "Aila"), ("khanmigo", "Khanmigo"), ("midjourney", "Midjourney"),
    ];

    public static readonly string[] UnknownTools =
        ["Perplexity", "MagicSchool", "Brisk Teaching", "Diffit", "Gamma", "Quizizz AI", "Notion AI", "Curipod", "Eduaide", "Snorkl"];

    private static readonly string[] Approvers = ["Sam Patel", "Jo Okafor", "Priya Shah", "Tom Reid", "Lena Novak", "Ade Bello"];

    private readonly Random _random = new(o.Seed);
    private readonly DateTimeOffset _end = new(o.Today.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);

    public string PersonId(int i) => $"5ca1e000-0000-4000-8000-{i:D12}";

    public IEnumerable<(string Id, string Academy, IReadOnlyList<TrainingRecord> Training)> People()
    {
        for (var i = 1; i <= o.People; i++)
        {
            var id = PersonId(i);
            var academy = Academies[_random.Next(Academies.Length)];
            var training = new List<TrainingRecord>();
            if (_random.NextDouble() < 0.6) training.Add(new(id, "m365-copilot-chat", Before(400), "2024-07"));
            if (_random.NextDouble() < 0.2) training.Add(new(id, "teachermatic", Before(400), "2024-07"));
            yield return (id, academy, training);
        }
    }

    /// <summary>Requests spread over four years up to today, numbered per year in submission order.</summary>
    public IEnumerable<ToolRequest> Requests()
    {
        var span = TimeSpan.FromDays(4 * 365);
        var times = Enumerable.Range(0, o.Requests).Select(_ => _end - span * _random.NextDouble()).Order().ToList();
        var numbers = new Dictionary<int, int>();
        foreach (var submitted in times)
        {
            var year = submitted.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            yield return Request(RequestReference.Format(year, numbers[year]), submitted);
        }
    }

    private ToolRequest Request(string reference, DateTimeOffset submitted)
    {
        var known = _random.NextDouble() < 0.7;
        var tool = known ? RegisterTools[Skewed(RegisterTools.Length)].Name : UnknownTools[Skewed(UnknownTools.Length)];
        var tier = (Tier)_random.Next(Enum.GetValues<Tier>().Length);
        var age = _end - submitted;
        var roll = _random.NextDouble();
        RequestState state;
        if (tier is Tier.Prohibited or Tier.AlreadyApproved) state = RequestState.Closed;
        else if (age < TimeSpan.FromDays(21) && roll < 0.6) state = roll < 0.1 ? RequestState.MoreInformationRequested : RequestState.Pending;
        else state = roll switch { < 0.62 => RequestState.Approved, < 0.84 => RequestState.Rejected, < 0.92 => RequestState.Withdrawn, _ => RequestState.Expired };
        var roles = ApproverRoles.For(tier);
        var decisions = new List<ApprovalDecision>();
        if (state is RequestState.Approved or RequestState.Rejected)
        {
            var at = submitted;
            foreach (var role in roles)
            {
                at += TimeSpan.FromHours(2 + _random.NextDouble() * 24 * 6);
                var kind = state == RequestState.Rejected && role == roles[^1] ? DecisionKind.Reject
                    : _random.NextDouble() < 0.2 ? DecisionKind.ApproveWithConditions : DecisionKind.Approve;
                var who = Approvers[_random.Next(Approvers.Length)];
                decisions.Add(new ApprovalDecision(role, "approver-" + who.Replace(' ', '-').ToLowerInvariant(), who, kind,
                    kind == DecisionKind.Reject ? "Generated reason" : null, [], at));
            }
        }
        return new ToolRequest
        {
            Reference = reference,
            RequesterId = PersonId(1 + _random.Next(o.People)),
            RequesterName = "Generated Person",
            Intake = new Intake
            {
                RequestType = RequestType.NewTool,
                AcademyId = Academies[_random.Next(Academies.Length)],
                Role = StaffRole.Teacher,
                ToolName = tool,
                Edition = Edition.FreeConsumer,
                AccessMode = AccessMode.WebBrowser,
                Purpose = "Generated purpose for the scale benchmark",
                UseCategory = (UseCategory)_random.Next(Enum.GetValues<UseCategory>().Length),
                Users = UserGroup.Staff,
                DataCategories = [DataCategory.None],
                VendorTrainsOnInputs = VendorTraining.Unknown,
                OutputUse = OutputUse.Ideas,
                DeclNoDataYet = true,
                DeclReadPolicy = true,
            },
            Outcome = new RoutingOutcome(tier, tier == Tier.ItInstall, roles, [], [], null),
            State = state,
            PendingRoles = state is RequestState.Pending or RequestState.MoreInformationRequested ? roles : [],
            Decisions = decisions,
            SubmittedAt = submitted,
            UpdatedAt = decisions.Count > 0 ? decisions[^1].DecidedAt : submitted,
        };
    }

    /// <summary>
    /// Each request's audit stream (submitted, then one row per decision, reminders to make up the number), chained
    /// with the product's own hashing so a verifier finds every stream intact.
    /// </summary>
    public IReadOnlyList<AuditEntry> AuditStream(ToolRequest r, int rows)
    {
        var entries = new List<AuditEntry>(rows);
        var previous = AuditChain.Genesis;
        var at = r.SubmittedAt;
        for (var n = 1; n <= rows; n++)
        {
            var decision = n - 2 >= 0 && n - 2 < r.Decisions.Count ? r.Decisions[n - 2] : null;
            var (kind, actor) = n == 1 ? ("request.submitted", r.RequesterId)
                : decision is not null ? (AuditKinds.For(decision.Kind), decision.ApproverId)
                : (AuditKinds.Reminded, "system");
            at = decision?.DecidedAt ?? at.AddHours(1);
            var entry = AuditChain.Next(r.Reference, n, at, new AuditEvent(kind, actor, r.Reference, "{\"generated\":true}"), previous);
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    /// <summary>Mail triaged in the last 180 days (the retention window): categories, confidences and reviews.</summary>
    public IEnumerable<TriageRecord> Triage()
    {
        var categories = Enum.GetValues<TriageCategory>();
        for (var i = 1; i <= o.Triage; i++)
        {
            var received = _end - TimeSpan.FromDays(180 * _random.NextDouble());
            var category = categories[Skewed(categories.Length)];
            var reviewed = _random.NextDouble() < 0.7;
            var corrected = reviewed && _random.NextDouble() < 0.12;
            yield return new TriageRecord
            {
                Key = $"scale{i:D10}",
                Source = "local",
                SourceId = $"scale-{i}",
                FromAddress = "generated@academy.example",
                Subject = "Generated subject",
                ReceivedAt = received,
                Category = category,
                Confidence = Math.Round(0.5 + _random.NextDouble() * 0.5, 2),
                State = TriageRecordState.Done,
                ConfirmedCategory = reviewed ? corrected ? categories[(Array.IndexOf(categories, category) + 1) % categories.Length] : category : null,
                ConfirmedBy = reviewed ? "5ca1e000-0000-4000-8000-0000000000ia" : null,
                UpdatedAt = received,
            };
        }
    }

    /// <summary>Asks per tool per month for the last twelve months: "can I use X?" in chat, known and unknown tools.</summary>
    public IEnumerable<(string Month, string Key, long Count)> Asks()
    {
        for (var m = 0; m < 12; m++)
        {
            var month = o.Today.AddMonths(-m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (id, _) in RegisterTools) yield return (month, id, _random.Next(5, 400));
            foreach (var name in UnknownTools) yield return (month, "unknown:" + name, _random.Next(1, 150));
        }
    }

    private DateTimeOffset Before(int days) => _end - TimeSpan.FromDays(days * _random.NextDouble());

    /// <summary>An index biased to the first items: a few tools are asked for far more than the rest.</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 2)));
}
