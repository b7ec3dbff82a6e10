using System.Text.RegularExpressions;

namespace AiPolicyBot.Triage;

/// <summary>
/// The layer-4 cue set: general wording of breach and complaint reports (past-tense disclosure, wrong recipient,
/// vendor incident notices, dissatisfaction and redress), plus softer cues for the other classes that feed the
/// statistical layer. Initial cues from policy-routing.md §16, rewritten so questions and plans do not fire them.
/// </summary>
public static class PriorityRules
{
    // NonBacktracking: linear time on hostile input (bodies up to 512 KB reach the preview endpoint).
    private const RegexOptions Opt = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private const string PersonalThings =
        @"(pupils?'?|students?'?|child(ren)?'?s?|learners?'?|staff|colleagues?'?|parents?'?|famil(y|ies)|SEN[D]?|EHCPs?|safeguarding|" +
        @"names?|class lists?|registers?|contacts?|contact details|addresses|phone numbers|emails? addresses|exam results|grades|marks|" +
        @"reports?|disciplinary|medical|health|personal (data|details|information)|information about|candidate numbers?|" +
        @"essays?|coursework|work with names|case notes|minutes|chronolog\w*|records?|files?|HR|payroll|salar\w*|photos?|images?|recordings?|voices?)";

    private const string AiThing =
        @"(ChatGPT|Chat GPT|Gemini|Bard|Copilot|Claude|Grammarly|Otter|Fireflies|Perplexity|AI|chat ?bot|an? (online |free )?(tool|app|site|website|platform|detector|checker)|note[- ]?taker)";

    private static Regex R(string pattern) => new(pattern, Opt);

    public static readonly IReadOnlyList<PriorityRule> All =
    [
        // breach: personal data went (or may have gone) where it should not.
        new("breach-keyword", TriageCategory.Breach, R(@"\b(data|security|privacy|GDPR) breach\b|\bbreach of (data|personal|privacy|confidentiality)|\b(is|was|this|a|possible|potential|report(ing)?( a)?) (data )?breach\b")),
        new("breach-wrong-recipient", TriageCategory.Breach, R(@"\b(sent|emailed|forwarded|went|posted|shared|attached)\b.{0,50}\bto (the )?wrong\b|\bwrong (email )?(address|recipient|parents?|famil(y|ies)|person|people|class|school)\b")),
        new("breach-pasted-pupil-data", TriageCategory.Breach, R(@"\b(pasted|uploaded|entered|put|copied|typed|fed|dropped|inputted|input|added|ran|shared|gave)\b.{0,80}\b" + PersonalThings + @"\b")),
        new("breach-data-into-tool", TriageCategory.Breach, R(PersonalThings + @"\b.{0,60}\b(pasted|uploaded|entered|put|copied|typed|fed|summari[sz]ed|analy[sz]ed|processed|transcribed|run|ran|shared)\b.{0,40}\b(in|into|to|through|by|with|using|onto)\b.{0,20}\b" + AiThing + @"\b")),
        new("breach-ai-tool-data", TriageCategory.Breach, R(@"\b" + AiThing + @"\b.{0,40}\b(recorded|transcribed|kept|stored|retained|showed me|surfaced|exposed|published|shared)\b.{0,60}\b" + PersonalThings + @"\b")),
        new("breach-recorded-meeting", TriageCategory.Breach, R(@"\b(recorded|transcribed)\b.{0,60}\b(meeting|parents'? evening|conversation|call|consultation|interview|review)\b|\b(used|using|set up)\b.{0,60}\bto (record|transcribe)\b.{0,80}\b(meetings?|parents'? evening|conversations?|calls?|consultations?|interviews?|reviews?)\b")),
        new("breach-oversharing", TriageCategory.Breach, R(@"\b(showed|shown|surfaced|returned|displayed|gave) me\b.{0,60}\b(files?|records?|data|details|information|salar\w*|HR|emails?)\b|\b(could|can) see\b.{0,40}\b(other (people|staff)'?s?|HR|salar\w*|confidential)\b")),
        new("breach-accidental", TriageCategory.Breach, R(@"\b(accidentally|by mistake|inadvertently|mistakenly|in error)\b.{0,80}\b" + PersonalThings + @"\b|\b" + PersonalThings + @"\b.{0,80}\b(accidentally|by mistake|inadvertently|mistakenly|in error)\b")),
        new("breach-published", TriageCategory.Breach, R(PersonalThings + @"\b.{0,80}\b(went up|were posted|was posted|got posted|published|posted|shared|visible|exposed)\b.{0,40}\b(on|to|for)\b.{0,20}\b(public|Facebook|social media|website|Twitter|X|Instagram|TikTok|WhatsApp|group chat|forum|everyone|other (schools|users|pupils|parents|families|customers))\b|\b(visible|available|accessible) to (other|all|any)\b.{0,30}\b(schools|users|pupils|parents|staff|families|customers|people)\b")),
        new("breach-lost-device", TriageCategory.Breach, R(@"\b(laptop|phone|iPad|tablet|USB|memory stick|pen drive|hard drive|files?|folder|papers|bag|register)\b.{0,60}\b(was |were |has been |have been |got )?(stolen|lost|went missing|left on (a|the) (train|bus))\b")),
        new("breach-leak", TriageCategory.Breach, R(@"\bleak(ed|s|age)?\b")),
        new("breach-deepfake", TriageCategory.Breach, R(@"\bdeep ?fakes?\b.{0,60}\b(of|showing|depicting)\b.{0,30}\b(a |an |our |one of )?(pupils?|students?|child|girl|boy|teachers?|colleagues?|member of staff|staff|head)\b")),
        new("breach-incident-notice", TriageCategory.Breach, R(@"\b(we|our (team|investigation))\b.{0,40}\b(identified|discovered|detected|became aware|experienced|suffered|are investigating)\b.{0,80}\b(incident|breach|unauthori[sz]ed|compromise[d]?|exposure)\b|\b(security|data|privacy|sub-?processor) incident\b.{0,80}\b(affect(ing|ed)|your (account|data|school)|action (may be )?required)"), Strong: true),
        // complaint: dissatisfaction that asks for redress.
        new("complaint-formal", TriageCategory.Complaint, R(@"\b(formal|second|official|further) complaint\b|\b(make|making|raise|raising|lodge|lodging|submit|file) (a |this )?complaint\b|\bcomplaints? (procedure|process|policy) (stage|step)\b")),
        new("complaint-keyword", TriageCategory.Complaint, R(@"\bcomplain(t|ts|ing|ed)?\b")),
        new("complaint-escalate", TriageCategory.Complaint, R(@"\bescalat(e|ed|ing|ion)\b")),
        new("complaint-unacceptable", TriageCategory.Complaint, R(@"\bunacceptable\b|\bnot (good enough|acceptable)\b")),
        new("complaint-dissatisfied", TriageCategory.Complaint, R(@"\b(I am|I'm|we are|we're|I was|we were|I feel|we feel)\s+(very |extremely |deeply |really |most |so |quite )?(unhappy|dissatisfied|disappointed|appalled|angry|furious|not happy|not satisfied|let down)\b")),
        new("complaint-redress", TriageCategory.Complaint, R(@"\b(I|we) (want|expect|demand|would like|am asking for|request)\b.{0,30}\b(an? (full |formal |written )?(apology|explanation|investigation|review)|(it|this|the (mark|grade|sanction|detention|record))( to be)? (removed|withdrawn|overturned|reviewed|corrected|reversed))\b|\bwrongly (accused|penali[sz]ed|marked|sanctioned|given)\b|\b(still )?(had|received) no (response|reply)\b|\bno (response|reply) (yet|to my)\b")),
        // softer cues: features for the statistical layer, never decisive.
        new("concern-worried", TriageCategory.Concern, R(@"\b(worried|worry|worries|concerned|concern|uneasy|uncomfortable|troubled|anxious)\b"), Decisive: false, Factual: false),
        new("request-can-we-use", TriageCategory.ToolRequest, R(@"\b(can|may|could) (I|we|my (team|class|department)) (use|try|start using|have)\b|\bam I allowed to use\b"), Decisive: false, Factual: false),
        new("request-approval", TriageCategory.ToolRequest, R(@"\b(request(ing)?|seek(ing)?|ask(ing)? for|need|like|get) (an? )?(appro?v[ae]l|permission|sign[- ]off|go-ahead)\b|\bappro?v(e|al) (for|of|to)\b|\bplease (approve|add)\b|\bget\b.{0,40}\bappro?ved\b|\b(can|could|would) you approve\b"), Decisive: false, Factual: false),
        new("request-permission", TriageCategory.ToolRequest, R(@"\bpermission to (use|trial|pilot|install)\b|\b(install|installation) request\b|\brequest to (use|install|trial|pilot)\b"), Decisive: false, Factual: false),
        new("request-trial", TriageCategory.ToolRequest, R(@"\b(trial|pilot|piloting|renewal|renew)\b"), Decisive: false, Factual: false),
        new("request-licence", TriageCategory.ToolRequest, R(@"\blicen[cs]es?\b"), Decisive: false, Factual: false),
        new("question-policy", TriageCategory.Question, R(@"\b(does|do|is|are|what|which|who|how|when|where)\b[^.?!]{0,80}\?"), Decisive: false, Factual: false),
        new("other-rights-request", TriageCategory.Other, R(@"\bsubject access\b|\bfreedom of information\b|\bFOI\b|\b(copy|copies) of (all )?(my|the) (personal )?(data|information|records)\b|\brequest for my (personal )?(data|information)\b|\bSAR\b"), Decisive: false, Factual: false),
        new("other-phishing", TriageCategory.Other, R(@"\bphish\w*\b|\bsuspicious (e-?mail|link|message)\b|\bscam\b|\bis this (genuine|legitimate|real)\b"), Decisive: false, Factual: false),
        new("marketing-promo", TriageCategory.Marketing, R(@"\b(webinar|book (a|your) (demo|place|seat)|free trial|discount|% off|special offer|register now|sign up|early bird|limited time|unsubscribe|newsletter|podcast)\b"), Decisive: false, Factual: false),
    ];

    private static readonly Regex Hypothetical = R(
        @"\?\s*$|^\s*(if|can|could|would|should|may|might|is it|am I|are we|are staff|do|does|what|how|when|where|which|who|whether)\b|" +
        @"\b(would like|'d like|want|wish|plan(ning)?|hope|intend|going|need|allowed|able|how) to\b|\b(never|anonymi[sz]ed|(without|no|not any) (any )?(pupil|student|child|personal|real|identifying|names)|avoid(ing)?|prevent(ing)?)\b|" +
        // negations and rules restated: "the policy says not to put…", "I'm not making a complaint"
        @"\b(not|never) to\b|\b(do not|don't|must not|mustn't|should not|shouldn't|never) (put|paste|upload|enter|share|use|send|type|input)\b|\bnot (making|raising|lodging|writing|a|an)\b.{0,20}\bcomplain|\bnot complaining\b");

    /// <summary>Rules that fire on the text, each once, in table order. Factual rules skip hypothetical sentences.</summary>
    public static IReadOnlyList<PriorityRule> Match(string text)
    {
        var sentences = TextZones.Sentences(text);
        var factual = sentences.Where(s => !Hypothetical.IsMatch(s)).ToList();
        var hits = new List<PriorityRule>();
        foreach (var rule in All)
        {
            var pool = rule.Factual ? factual : sentences;
            if (pool.Any(s => rule.Pattern.IsMatch(s))) hits.Add(rule);
        }
        return hits;
    }
}
