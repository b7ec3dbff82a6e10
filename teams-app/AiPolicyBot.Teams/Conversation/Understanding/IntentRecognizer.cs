using System.Text.RegularExpressions;
using AiPolicyBot.Register;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Understands a staff message without any external AI: ordered word rules for the intent, the register's fuzzy
/// search for the tool (<see cref="RegisterSearch.FindInText"/>), and <see cref="HintExtractor"/> for the use.
/// Rules are ordered from the most specific signal (a reported incident, a reference number, "training done") to
/// the most general ("a tool is named, so it is a question about it"). Pure and fast: no I/O.
/// </summary>
public static partial class IntentRecognizer
{
    // Incidents and concerns go to Information Assurance (other), before anything else.
    [GeneratedRegex(@"\b((i|we|someone|somebody|a colleague|a teacher|staff|they|he|she) (think i |think we |may have |might have |have |has |had |just |already |accidentally )+(pasted|put|uploaded|entered|typed|shared|copied|sent|used)|(i|we|someone|somebody|a colleague|he|she|they) (pasted|uploaded|entered|typed|copied)|(i|we|someone|somebody|a colleague|he|she|they) (used|put|pasted|uploaded|entered|shared|gave)\b.*\b(yesterday|last (week|night|term|month)|earlier today|this morning|is that (a problem|ok|okay|allowed)|was that (ok|okay|allowed))|by mistake|accidentally|by accident|data (breach|leak)|breach|leaked|worried|concerned|concern about|raise a concern|report (a|an) (concern|incident|breach|problem)|incident|misus\w*|cheating|plagiar\w*)\b", Options, TimeoutMs)]
    private static partial Regex Incident { get; }

    [GeneratedRegex(@"\b(training|course|module|session|inset|cpd|e-?learning|webinar|induction)\b", Options, TimeoutMs)]
    private static partial Regex TrainingWords { get; }
    [GeneratedRegex(@"\b(done|did|completed?|finished|attended|passed|went (to|on)|sat|been on|have now|i've now|mark (my|it|me)|record (my|that)|signed off)\b", Options, TimeoutMs)]
    private static partial Regex Completed { get; }
    [GeneratedRegex(@"\b(do i need|need (to do )?(the )?training|is there (a |any )?training|what training|before (using|i use)|where (is|can i find)|how do i (do|get|book)|book (on|onto))\b", Options, TimeoutMs)]
    private static partial Regex TrainingQuestion { get; }

    [GeneratedRegex(@"\bAIP-\d{4}-\d{1,9}\b", Options, TimeoutMs)]
    private static partial Regex Reference { get; }
    [GeneratedRegex(@"\b(my (\w+ )?(open |pending |previous |last |recent |tool |approval )?requests?|requests? (i|i've|i have) (made|submitted|sent|raised|put in)|(i|i've) (submitted|sent|raised|put in|made) (a|an|my) (\w+ )?request|requests? have i|status of (my|the) request|(any|an) update on|where is my|chase|status (of|on) (my )?(request|application))\b", Options, TimeoutMs)]
    private static partial Regex MyRequests { get; }
    [GeneratedRegex(@"\b(pending approvals?|approvals? (waiting|pending|queue|to do|for me)|(do|should) i (need to |have to )?(approve|sign off|decide)|waiting for (my|me to) (approval|decision|sign.off)|need(s)? my (approval|decision|sign.off)|awaiting my|to approve\b.*\b(me|i)\b|my approvals|approver (queue|inbox))\b", Options, TimeoutMs)]
    private static partial Regex PendingApprovals { get; }

    [GeneratedRegex(@"\b(request (approval|access|a|an|it|for|to)|(new|an?|start (a|an|the)?|raise (a|an)?|submit (a|an)|put in (a|an)|make (a|an)|open (a|an)|approval|start an approval) (\w+ ){0,2}requests?|request approval|apply (for|to)|application for|(get|getting|have) (\w+ ){0,3}(approved|authori[sz]ed|signed off|added to the (list|register))|ask (the trust |someone |you |for )?(to approve|for approval)|ask for (\w+ ){0,4}(to be )?approved|approve (an?|my|this|the)? ?(\w+ ){0,3}(tool|app)|(i|we)('d| would| want| need)( like)?( to)? (get |have |ask for |request )?(approval|permission)|(be )?added to the (list|register)|seek approval|renew\w*|re-?review|(change|extend|widen) (the |our |its )?(scope|approval)|can i request|request \w+|i'd like to request|suggest a (new )?tool|add (a|an) (new )?tool)\b", Options, TimeoutMs)]
    private static partial Regex RequestVerbs { get; }

    [GeneratedRegex(@"\b(list|register|(which|what) (\w+ ){0,2}(ai|tools?|apps?|generators?|chatbots?|software|products?) (are|is|can|could|should|am|do|may)|(which|what) (ai|tools?|apps?) |what('s| is| are) (approved|allowed|permitted|ok)|what can (i|we|staff|my \w+( \w+)?) use|approved (ai )?(tools|apps|list)|allowed tools|which ones|what (ai )?(am i|are we) allowed|what's on)\b", Options, TimeoutMs)]
    private static partial Regex ListWords { get; }

    [GeneratedRegex(@"^\s*(help|menu|\?+|commands|start|options|get started|hi bot)\s*[.!?]*\s*$|\b(what can (you|this bot|the bot) do|what (can|do|should) i ask|who are you|what are you|what is this( bot)?|how (does|do) (this|the|you) (bot )?work|how do i use (this|you|the bot)|what are my options|help me|show me what you can do|instructions)\b", Options, TimeoutMs)]
    private static partial Regex HelpWords { get; }

    [GeneratedRegex(@"^\s*(hi|hello|hey|hiya|morning|good (morning|afternoon|evening)|thanks?( you)?|thank you( so much)?|cheers|ta|ok(ay)?|cool|great|lol|bye|goodbye|yes|no|nope|sure)\b[\s!.?]*(\w+[\s!.?]*)?$", Options, TimeoutMs)]
    private static partial Regex Greeting { get; }
    [GeneratedRegex(@"\b(can|could|will|would) you (please )?(write|make|create|generate|draft|plan|mark|summari[sz]e|translate|give me|tell me a)|^(write|make|create|generate|draft) (me )?(a|an|some)\b", Options, TimeoutMs)]
    private static partial Regex DoTheWork { get; }
    [GeneratedRegex(@"\b(can|could|may|am i allowed|are we allowed|is it ok|is it okay|allowed|approved|permitted|ok|okay|fine|safe|rules|use|using|yes or no|what about|how about|still|policy on|training)\b", Options, TimeoutMs)]
    private static partial Regex UseQuestion { get; }
    [GeneratedRegex(@"\b(ai|a\.i\.|chatbots?|gen ?ai|generative|llms?|gpt)\b", Options, TimeoutMs)]
    private static partial Regex AiWords { get; }

    /// <summary>Recognises one message against the current register snapshot.</summary>
    public static Understanding Recognise(string? text, RegisterSnapshot register)
    {
        var t = Normalise(text);
        var hints = HintExtractor.Extract(t);
        var match = t.Length == 0 ? TextMatch.None(null) : register.Search.FindInText(t);
        var tool = match.Entry;
        var unknown = tool is null ? CleanUnknown(match.UnknownToolName) : null;
        var intent = Classify(t, tool is not null || unknown is not null);

        // A list or help question names no tool; neither does a greeting.
        if (intent is Intent.ListApproved or Intent.Help || (intent == Intent.Other && tool is null)) unknown = null;
        if (intent is Intent.ListApproved or Intent.Help) tool = null;
        return new Understanding(intent, tool, unknown, hints, t);
    }

    private static Intent Classify(string t, bool namesTool)
    {
        if (t.Length == 0) return Intent.Help;
        if (Incident.IsMatch(t)) return Intent.Other;
        if (PendingApprovals.IsMatch(t)) return Intent.PendingApprovals;
        if (TrainingWords.IsMatch(t) && Completed.IsMatch(t) && !TrainingQuestion.IsMatch(t)) return Intent.TrainingDone;
        if (Reference.IsMatch(t) || MyRequests.IsMatch(t)) return Intent.MyRequests;
        if (RequestVerbs.IsMatch(t)) return Intent.RequestApproval;
        if (HelpWords.IsMatch(t)) return Intent.Help;
        if (DoTheWork.IsMatch(t)) return Intent.Other;
        if (!namesTool && ListWords.IsMatch(t)) return Intent.ListApproved;
        if (Greeting.IsMatch(t) && !namesTool) return Intent.Other;
        if (namesTool) return Intent.AskTool;
        if (UseQuestion.IsMatch(t) && AiWords.IsMatch(t)) return Intent.AskTool;
        return Intent.Other;
    }

    // Typographic apostrophes as typed ones, runs of white space as one space, and no more than the conversation reads.
    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var t = text.Length > MaxUnderstoodLength ? text[..MaxUnderstoodLength] : text;
        return WhiteSpace.Replace(t.Replace('’', '\'').Replace('‘', '\''), " ").Trim();
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, TimeoutMs)]
    private static partial Regex WhiteSpace { get; }

    // Sentence-initial words the register search may offer as an unknown product name.
    private static readonly HashSet<string> NotToolNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "AI", "AIP", "Trust", "Teams", "DfE", "OK", "INSET", "SLT", "SEND", "SEN", "EHCP", "TA", "TAs", "Year", "Y",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "English", "Maths", "Science",
        "History", "Geography", "Art", "Music", "French", "Spanish", "German", "Information Assurance", "DPO",
        // Imperatives and sentence starters that are capitalised only because they open the message.
        "Show", "List", "Finished", "Completed", "Done", "Tell", "Give", "Check", "Please", "Request", "Submit", "Start",
        "Apply", "Raise", "Renew", "Help", "Thanks", "Hello", "Hi", "Any", "Just", "New", "Approved", "Which", "What",
    };

    private static string? CleanUnknown(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NotToolNames.Contains(w)).ToList();
        if (words.Count == 0) return null;
        var joined = string.Join(" ", words);
        return NotToolNames.Contains(joined) || Reference.IsMatch(joined) ? null : joined;
    }
}
