using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>
/// The layer-4 cue set: general wording of breach and complaint reports (past-tense disclosure, wrong recipient,
/// vendor incident notices, dissatisfaction and redress), plus softer cues for the other classes that feed the
/// statistical layer. Initial cues from docs/spec/triage.md, rewritten so questions and plans do not fire them.
/// </summary>
/// <remarks>
/// Source-generated backtracking regexes: no construction cost and no per-instance DFA cache. The
/// NonBacktracking versions built symbolic/DFA tables while matching the training set: 1.6 s to train and 73 MB kept
/// for the life of the process. Hostile input (bodies up to 512 KB reach the preview endpoint) is bounded instead:
/// <list type="bullet">
/// <item>Every loop in the rules is a counted one (at most 80 characters) except whole-word <c>\w*</c> tails and
/// <c>\s+</c> (one space: sentences are whitespace-normalised), so a match spans at most 189 characters plus one word,
/// and each sentence is matched in <see cref="SentenceWindows"/> of at most 1,000 characters overlapping by 400, which
/// find exactly the matches of the whole sentence: the work is linear in the text.</item>
/// <item>Texts over <see cref="LargeText"/> (16 KB) go to <see cref="LinearRules"/>, the same patterns on the
/// NonBacktracking engine, built for the mail and dropped with it: backtracking's cost per character on crafted
/// near misses is too high to pay on 512 KB (seconds).</item>
/// <item>A per-call timeout is only the backstop: a pass stops at the first one, and an unfinished breach check reads
/// as "breach" (<see cref="TimedOut"/>), never as "no breach".</item>
/// </list>
/// </remarks>
public static partial class PriorityRules
{
    private const RegexOptions Opt = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Per call, on at most one window: real text takes microseconds, so only a pathological input gets here.</summary>
    internal const int MatchTimeoutMs = 1000;

    private const string PersonalThings =
        @"(pupils?'?|students?'?|child(ren)?'?s?|learners?'?|staff|colleagues?'?|parents?'?|famil(y|ies)|SEN[D]?|EHCPs?|safeguarding|" +
        @"names?|class lists?|registers?|contacts?|contact details|addresses|phone numbers|emails? addresses|exam results|grades|marks|" +
        @"reports?|disciplinary|medical|health|personal (data|details|information)|information about|candidate numbers?|" +
        @"essays?|coursework|work with names|case notes|minutes|chronolog\w*|records?|files?|HR|payroll|salar\w*|photos?|images?|recordings?|voices?)";

    private const string AiThing =
        @"(ChatGPT|Chat GPT|Gemini|Bard|Copilot|Claude|Grammarly|Otter|Fireflies|Perplexity|AI|chat ?bot|an? (online |free )?(tool|app|site|website|platform|detector|checker)|note[- ]?taker)";

    public static readonly IReadOnlyList<PriorityRule> All =
    [
        // breach: personal data went (or may have gone) where it should not.
        new("breach-keyword", TriageCategory.Breach, BreachKeyword()),
        new("breach-wrong-recipient", TriageCategory.Breach, BreachWrongRecipient()),
        new("breach-pasted-pupil-data", TriageCategory.Breach, BreachPastedPupilData()),
        new("breach-data-into-tool", TriageCategory.Breach, BreachDataIntoTool()),
        new("breach-ai-tool-data", TriageCategory.Breach, BreachAiToolData()),
        new("breach-recorded-meeting", TriageCategory.Breach, BreachRecordedMeeting()),
        new("breach-oversharing", TriageCategory.Breach, BreachOversharing()),
        new("breach-accidental", TriageCategory.Breach, BreachAccidental()),
        new("breach-published", TriageCategory.Breach, BreachPublished()),
        new("breach-lost-device", TriageCategory.Breach, BreachLostDevice()),
        new("breach-leak", TriageCategory.Breach, BreachLeak()),
        new("breach-deepfake", TriageCategory.Breach, BreachDeepfake()),
        new("breach-incident-notice", TriageCategory.Breach, BreachIncidentNotice(), Strong: true),
        // complaint: dissatisfaction that asks for redress.
        new("complaint-formal", TriageCategory.Complaint, ComplaintFormal()),
        new("complaint-keyword", TriageCategory.Complaint, ComplaintKeyword()),
        new("complaint-escalate", TriageCategory.Complaint, ComplaintEscalate()),
        new("complaint-unacceptable", TriageCategory.Complaint, ComplaintUnacceptable()),
        new("complaint-dissatisfied", TriageCategory.Complaint, ComplaintDissatisfied()),
        new("complaint-redress", TriageCategory.Complaint, ComplaintRedress()),
        // softer cues: features for the statistical layer, never decisive.
        new("concern-worried", TriageCategory.Concern, ConcernWorried(), Decisive: false, Factual: false),
        new("request-can-we-use", TriageCategory.ToolRequest, RequestCanWeUse(), Decisive: false, Factual: false),
        new("request-approval", TriageCategory.ToolRequest, RequestApproval(), Decisive: false, Factual: false),
        new("request-permission", TriageCategory.ToolRequest, RequestPermission(), Decisive: false, Factual: false),
        new("request-trial", TriageCategory.ToolRequest, RequestTrial(), Decisive: false, Factual: false),
        new("request-licence", TriageCategory.ToolRequest, RequestLicence(), Decisive: false, Factual: false),
        new("question-policy", TriageCategory.Question, QuestionPolicy(), Decisive: false, Factual: false),
        new("other-rights-request", TriageCategory.Other, OtherRightsRequest(), Decisive: false, Factual: false),
        new("other-phishing", TriageCategory.Other, OtherPhishing(), Decisive: false, Factual: false),
        new("marketing-promo", TriageCategory.Marketing, MarketingPromo(), Decisive: false, Factual: false),
    ];

    /// <summary>
    /// Reported when a breach rule (or the question test before them) ran out of time (<see cref="MatchTimeoutMs"/>):
    /// the text could not be ruled out as a breach, so it goes to the DPO like one (decisive, and strong enough to
    /// overrule bulk-mail headers).
    /// </summary>
    public static readonly PriorityRule TimedOut = new("breach-timeout", TriageCategory.Breach, Never(), Strong: true);

    [GeneratedRegex(@"(?!)")]
    private static partial Regex Never();

    [GeneratedRegex(
        @"\?\s*$|^\s*(if|can|could|would|should|may|might|is it|am I|are we|are staff|do|does|what|how|when|where|which|who|whether)\b|" +
        @"\b(would like|'d like|want|wish|plan(ning)?|hope|intend|going|need|allowed|able|how) to\b|\b(never|anonymi[sz]ed|(without|no|not any) (any )?(pupil|student|child|personal|real|identifying|names)|avoid(ing)?|prevent(ing)?)\b|" +
        // negations and rules restated: "the policy says not to put…", "I'm not making a complaint"
        @"\b(not|never) to\b|\b(do not|don't|must not|mustn't|should not|shouldn't|never) (put|paste|upload|enter|share|use|send|type|input)\b|\bnot (making|raising|lodging|writing|a|an)\b.{0,20}\bcomplain|\bnot complaining\b",
        Opt, MatchTimeoutMs)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(data|security|privacy|GDPR) breach\b|\bbreach of (data|personal|privacy|confidentiality)|\b(is|was|this|a|possible|potential|report(ing)?( a)?) (data )?breach\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachKeyword();

    [GeneratedRegex(@"\b(sent|emailed|forwarded|went|posted|shared|attached)\b.{0,50}\bto (the )?wrong\b|\bwrong (email )?(address|recipient|parents?|famil(y|ies)|person|people|class|school)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachWrongRecipient();

    [GeneratedRegex(@"\b(pasted|uploaded|entered|put|copied|typed|fed|dropped|inputted|input|added|ran|shared|gave)\b.{0,80}\b" + PersonalThings + @"\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachPastedPupilData();

    [GeneratedRegex(PersonalThings + @"\b.{0,60}\b(pasted|uploaded|entered|put|copied|typed|fed|summari[sz]ed|analy[sz]ed|processed|transcribed|run|ran|shared)\b.{0,40}\b(in|into|to|through|by|with|using|onto)\b.{0,20}\b" + AiThing + @"\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachDataIntoTool();

    [GeneratedRegex(@"\b" + AiThing + @"\b.{0,40}\b(recorded|transcribed|kept|stored|retained|showed me|surfaced|exposed|published|shared)\b.{0,60}\b" + PersonalThings + @"\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachAiToolData();

    [GeneratedRegex(@"\b(recorded|transcribed)\b.{0,60}\b(meeting|parents'? evening|conversation|call|consultation|interview|review)\b|\b(used|using|set up)\b.{0,60}\bto (record|transcribe)\b.{0,80}\b(meetings?|parents'? evening|conversations?|calls?|consultations?|interviews?|reviews?)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachRecordedMeeting();

    [GeneratedRegex(@"\b(showed|shown|surfaced|returned|displayed|gave) me\b.{0,60}\b(files?|records?|data|details|information|salar\w*|HR|emails?)\b|\b(could|can) see\b.{0,40}\b(other (people|staff)'?s?|HR|salar\w*|confidential)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachOversharing();

    [GeneratedRegex(@"\b(accidentally|by mistake|inadvertently|mistakenly|in error)\b.{0,80}\b" + PersonalThings + @"\b|\b" + PersonalThings + @"\b.{0,80}\b(accidentally|by mistake|inadvertently|mistakenly|in error)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachAccidental();

    [GeneratedRegex(PersonalThings + @"\b.{0,80}\b(went up|were posted|was posted|got posted|published|posted|shared|visible|exposed)\b.{0,40}\b(on|to|for)\b.{0,20}\b(public|Facebook|social media|website|Twitter|X|Instagram|TikTok|WhatsApp|group chat|forum|everyone|other (schools|users|pupils|parents|families|customers))\b|\b(visible|available|accessible) to (other|all|any)\b.{0,30}\b(schools|users|pupils|parents|staff|families|customers|people)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachPublished();

    [GeneratedRegex(@"\b(laptop|phone|iPad|tablet|USB|memory stick|pen drive|hard drive|files?|folder|papers|bag|register)\b.{0,60}\b(was |were |has been |have been |got )?(stolen|lost|went missing|left on (a|the) (train|bus))\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachLostDevice();

    [GeneratedRegex(@"\bleak(ed|s|age)?\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachLeak();

    [GeneratedRegex(@"\bdeep ?fakes?\b.{0,60}\b(of|showing|depicting)\b.{0,30}\b(a |an |our |one of )?(pupils?|students?|child|girl|boy|teachers?|colleagues?|member of staff|staff|head)\b", Opt, MatchTimeoutMs)]
    private static partial Regex BreachDeepfake();

    [GeneratedRegex(@"\b(we|our (team|investigation))\b.{0,40}\b(identified|discovered|detected|became aware|experienced|suffered|are investigating)\b.{0,80}\b(incident|breach|unauthori[sz]ed|compromise[d]?|exposure)\b|\b(security|data|privacy|sub-?processor) incident\b.{0,80}\b(affect(ing|ed)|your (account|data|school)|action (may be )?required)", Opt, MatchTimeoutMs)]
    private static partial Regex BreachIncidentNotice();

    [GeneratedRegex(@"\b(formal|second|official|further) complaint\b|\b(make|making|raise|raising|lodge|lodging|submit|file) (a |this )?complaint\b|\bcomplaints? (procedure|process|policy) (stage|step)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintFormal();

    [GeneratedRegex(@"\bcomplain(t|ts|ing|ed)?\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintKeyword();

    [GeneratedRegex(@"\bescalat(e|ed|ing|ion)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintEscalate();

    [GeneratedRegex(@"\bunacceptable\b|\bnot (good enough|acceptable)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintUnacceptable();

    [GeneratedRegex(@"\b(I am|I'm|we are|we're|I was|we were|I feel|we feel)\s+(very |extremely |deeply |really |most |so |quite )?(unhappy|dissatisfied|disappointed|appalled|angry|furious|not happy|not satisfied|let down)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintDissatisfied();

    [GeneratedRegex(@"\b(I|we) (want|expect|demand|would like|am asking for|request)\b.{0,30}\b(an? (full |formal |written )?(apology|explanation|investigation|review)|(it|this|the (mark|grade|sanction|detention|record))( to be)? (removed|withdrawn|overturned|reviewed|corrected|reversed))\b|\bwrongly (accused|penali[sz]ed|marked|sanctioned|given)\b|\b(still )?(had|received) no (response|reply)\b|\bno (response|reply) (yet|to my)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ComplaintRedress();

    [GeneratedRegex(@"\b(worried|worry|worries|concerned|concern|uneasy|uncomfortable|troubled|anxious)\b", Opt, MatchTimeoutMs)]
    private static partial Regex ConcernWorried();

    [GeneratedRegex(@"\b(can|may|could) (I|we|my (team|class|department)) (use|try|start using|have)\b|\bam I allowed to use\b", Opt, MatchTimeoutMs)]
    private static partial Regex RequestCanWeUse();

    [GeneratedRegex(@"\b(request(ing)?|seek(ing)?|ask(ing)? for|need|like|get) (an? )?(appro?v[ae]l|permission|sign[- ]off|go-ahead)\b|\bappro?v(e|al) (for|of|to)\b|\bplease (approve|add)\b|\bget\b.{0,40}\bappro?ved\b|\b(can|could|would) you approve\b", Opt, MatchTimeoutMs)]
    private static partial Regex RequestApproval();

    [GeneratedRegex(@"\bpermission to (use|trial|pilot|install)\b|\b(install|installation) request\b|\brequest to (use|install|trial|pilot)\b", Opt, MatchTimeoutMs)]
    private static partial Regex RequestPermission();

    [GeneratedRegex(@"\b(trial|pilot|piloting|renewal|renew)\b", Opt, MatchTimeoutMs)]
    private static partial Regex RequestTrial();

    [GeneratedRegex(@"\blicen[cs]es?\b", Opt, MatchTimeoutMs)]
    private static partial Regex RequestLicence();

    [GeneratedRegex(@"\b(does|do|is|are|what|which|who|how|when|where)\b[^.?!]{0,80}\?", Opt, MatchTimeoutMs)]
    private static partial Regex QuestionPolicy();

    [GeneratedRegex(@"\bsubject access\b|\bfreedom of information\b|\bFOI\b|\b(copy|copies) of (all )?(my|the) (personal )?(data|information|records)\b|\brequest for my (personal )?(data|information)\b|\bSAR\b", Opt, MatchTimeoutMs)]
    private static partial Regex OtherRightsRequest();

    [GeneratedRegex(@"\bphish\w*\b|\bsuspicious (e-?mail|link|message)\b|\bscam\b|\bis this (genuine|legitimate|real)\b", Opt, MatchTimeoutMs)]
    private static partial Regex OtherPhishing();

    [GeneratedRegex(@"\b(webinar|book (a|your) (demo|place|seat)|free trial|discount|% off|special offer|register now|sign up|early bird|limited time|unsubscribe|newsletter|podcast)\b", Opt, MatchTimeoutMs)]
    private static partial Regex MarketingPromo();

    /// <summary>Rules that fire on the text, each once, in table order. Factual rules skip hypothetical sentences.</summary>
    public static IReadOnlyList<PriorityRule> Match(string text) => Match(text, new MatchMemo());

    /// <summary>As <see cref="Match(string)"/>, reusing what <paramref name="memo"/> holds from earlier texts of the same mail.</summary>
    public static IReadOnlyList<PriorityRule> Match(string text, MatchMemo memo) =>
        text.Length > LargeText
            ? MatchLargeText(text, memo)
            : Match(text, All, Hypothetical(), SentenceWindows.Size, SentenceWindows.Overlap, memo.Backtracking);

    /// <summary>As <see cref="Match(string)"/>, with the parts tests vary (window sizes, a rule that times out).</summary>
    internal static IReadOnlyList<PriorityRule> Match(
        string text, IReadOnlyList<PriorityRule> rules, Regex hypothetical, int windowSize, int windowOverlap,
        Dictionary<string, Sentence>? memo = null)
    {
        if (rules.Count > 64) memo = null; // one bit per rule
        var hits = new List<PriorityRule>();
        var breachRulesLeft = rules.Count(r => r.Category == TriageCategory.Breach);
        try
        {
            var sentences = new List<Sentence>();
            foreach (var s in TextZones.Sentences(text))
            {
                if (memo is null || !memo.TryGetValue(s, out var sentence))
                {
                    sentence = new Sentence(s, SentenceWindows.Of(s, windowSize, windowOverlap), !hypothetical.IsMatch(s));
                    memo?.Add(s, sentence);
                }
                sentences.Add(sentence);
            }
            for (var i = 0; i < rules.Count; i++)
            {
                if (AnyMatch(rules[i], i, sentences)) hits.Add(rules[i]);
                if (rules[i].Category == TriageCategory.Breach) breachRulesLeft--;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Stop at the first timeout, so a hostile body costs one timeout at most. If a breach rule (or the
            // question test they depend on) was not finished, the text is not ruled out as a breach: say so. Otherwise
            // only complaint and softer cues are left unfired; the breach decision was already complete.
            if (breachRulesLeft > 0) hits.Add(TimedOut);
        }
        return hits;
    }

    // Plain loops: this runs 29 rules × sentences × 2 per mail, and lambdas here allocated more than the rest of Classify.
    private static bool AnyMatch(PriorityRule rule, int index, List<Sentence> sentences)
    {
        var bit = 1UL << index;
        foreach (var sentence in sentences)
        {
            if (rule.Factual && !sentence.Factual) continue;
            if ((sentence.Done & bit) == 0)
            {
                foreach (var window in sentence.Windows)
                {
                    if (!rule.Pattern.IsMatch(sentence.Text.AsSpan(window))) continue;
                    sentence.Hit |= bit;
                    break;
                }
                sentence.Done |= bit;
            }
            if ((sentence.Hit & bit) != 0) return true;
        }
        return false;
    }

    /// <summary>One sentence, its windows, and which rules (by table index) were tried on it and fired.</summary>
    internal sealed class Sentence(string text, IReadOnlyList<Range> windows, bool factual)
    {
        public string Text { get; } = text;
        public IReadOnlyList<Range> Windows { get; } = windows;
        public bool Factual { get; } = factual;
        public ulong Done { get; set; }
        public ulong Hit { get; set; }
    }

    /// <summary>
    /// What one mail's rule passes share: the classifier matches the zoned text and then the author's own
    /// text, which usually repeats its sentences, so each rule runs once per sentence; and, for texts over
    /// <see cref="LargeText"/>, one linear engine for both passes. Results per sentence depend on nothing else, so
    /// sharing cannot change them. One mail at a time: not thread-safe, and dropped with the mail.
    /// </summary>
    public sealed class MatchMemo
    {
        internal Dictionary<string, Sentence> Backtracking { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, Sentence> Linear { get; } = new(StringComparer.Ordinal);

        internal LinearRules? LinearRules { get; set; }
    }
}
