using System.Text.RegularExpressions;
using AiPolicyBot.Policy;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Pulls use hints out of a message with word rules: the use category, personal data mentioned (or ruled out),
/// learners and their youngest year group, a request reference. Deterministic and local; linear-time regexes.
/// </summary>
public static class HintExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static Regex R(string pattern) => new(pattern, Options);

    // Order matters: the first category that matches wins (more specific first).
    private static readonly (UseCategory Category, Regex Pattern)[] Categories =
    [
        (UseCategory.Safeguarding, R(@"\b(safeguarding|cpoms|child protection|dsl)\b")),
        (UseCategory.SendEal, R(@"\b(send|sen|senco|ehcps?|eal|iep|sen support|special educational|dyslexi\w*|access arrangements)\b")),
        (UseCategory.Hr, R(@"\b(hr|recruitment|interview\w*|appraisals?|job (ad|advert|description)s?|staff absence|disciplinar\w*)\b")),
        (UseCategory.Finance, R(@"\b(finance|budget\w*|invoices?|procurement|payroll)\b")),
        (UseCategory.Assessment, R(@"\b(exams?|nea|coursework|mock(s| exams?)?|assessments?|gcse|a.level|predicted grades)\b")),
        (UseCategory.FeedbackMarking, R(@"\b(mark(ing)?|feedback|grading|grade (essays|work))\b")),
        (UseCategory.DataAnalysis, R(@"\b(analy[sz]\w*|data analysis|spreadsheets?|results|scores|tracking data|attendance data|group them)\b")),
        (UseCategory.AdminComms, R(@"\b(e-?mails?|letters?|newsletters?|minutes|admin\w*|reports?|summari[sz]\w*|meetings?|notes|policies|policy documents?|guidance|parents evening)\b")),
        (UseCategory.LearnerTutoring, R(@"\b(homework|revision|tutor\w*|learners? use|pupils? use|students? use)\b")),
        (UseCategory.LessonPlanning, R(@"\b(lesson\w*|plan(s|ning)?|quiz\w*|worksheets?|resources?|slides?|presentations?|reading texts?|images?|schemes? of work|starter|differentiat\w*|questions)\b")),
    ];

    private static readonly (DataCategory Category, Regex Pattern)[] Data =
    [
        (DataCategory.SpecialCategory, R(@"\b(send|sen|ehcps?|iep|medical|health|diagnos\w*|special category)\b")),
        (DataCategory.Safeguarding, R(@"\b(safeguarding|cpoms|child protection|disclosures?)\b")),
        (DataCategory.ExamResults, R(@"\b(exam results|mock results|results|scores|grades|marks)\b")),
        (DataCategory.PupilWork, R(@"\b(pupils?'?s? (work|essays?)|students?'?s? (work|essays?)|their (work|essays?)|coursework)\b")),
        (DataCategory.Parent, R(@"\b(parents?'? ?(e-?mails?|contact|details|addresses|phone)|parents evening notes)\b")),
        (DataCategory.Staff, R(@"\b(staff (data|records|absence|details)|appraisals?|hr|payroll|disciplinar\w*)\b")),
        (DataCategory.ImagesVoiceVideo, R(@"\b(record(ing)? (my |the |our )?(meetings?|lessons?|voices?)|photos? of|videos? of|voices?)\b")),
        (DataCategory.Pupil, R(@"\b((pupil|student|child|children|learner)s?'?s? (names?|data|details|records|information|info|reports?)|(with|including|and) (their |the |pupil |student )?names|reports|report (cards|comments)|behaviour (logs?|notes|data)|attendance|class list|reading ages|pupil's|student's)\b")),
    ];

    private static readonly Regex NoData = R(@"\b(anonymi[sz]ed|anonymous|no (personal|pupil|student) (data|info\w*|names?|details)|without (any )?(names?|personal data|pupil data)|nothing about (pupils|students|children)|made.up|fictional|my own (e-?mails?|writing|work)|no names)\b");
    private static readonly Regex Learners = R(@"\b((pupils?|students?|learners?|kids|children|class(es)?|year \d{1,2}s|y\d{1,2}s|sixth formers?|form|group) (to )?(use|log in|try|access|would log in|could use|can use)|can (my )?(pupils?|students?|learners?|kids|children|class|year \d{1,2}s|y\d{1,2}s) use|with (my |our |the )?(year|y)\s?\d{1,2}s?|with (my |our )?(class|pupils|students|sixth form|learners)|my (year|y)\s?\d{1,2}s|for (year|y)\s?\d{1,2}\b|(pupils?|students?|learners?) would|learner.facing|learners can)\b");
    private static readonly Regex YearGroupPattern = R(@"\b(?:year|yr|y)\s?(\d{1,2})s?\b");
    private static readonly Regex SixthForm = R(@"\b(sixth form\w*|post.?16|a.level|year 12|year 13)\b");
    private static readonly Regex EarlyYears = R(@"\b(eyfs|reception|nursery|early years)\b");
    private static readonly Regex ReferencePattern = R(@"\bAIP-\d{4}-\d{4,9}\b");
    private static readonly Regex RenewalPattern = R(@"\b(renew\w*|re-?review|again|appeal|reconsider)\b");

    public static UseHints Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return UseHints.None;
        var t = text.Replace('’', '\'');

        UseCategory? category = null;
        foreach (var (c, p) in Categories)
        {
            if (p.IsMatch(t)) { category = c; break; }
        }

        var noData = NoData.IsMatch(t);
        var data = new List<DataCategory>();
        if (!noData)
        {
            foreach (var (c, p) in Data)
            {
                if (p.IsMatch(t)) data.Add(c);
            }
        }

        var learners = Learners.IsMatch(t);
        YearGroup? youngest = null;
        if (EarlyYears.IsMatch(t)) youngest = YearGroup.Eyfs;
        foreach (Match m in YearGroupPattern.Matches(t))
        {
            if (int.TryParse(m.Groups[1].Value, out var n) && n is >= 1 and <= 13)
            {
                var y = (YearGroup)n;
                if (youngest is null || y.YoungestAge() < youngest.Value.YoungestAge()) youngest = y;
            }
        }
        if (youngest is null && SixthForm.IsMatch(t)) youngest = YearGroup.Y12;
        if (youngest is not null && !learners && Regex.IsMatch(t, @"\b(my|our|with|for|can)\b", RegexOptions.IgnoreCase)) learners = true;

        return new UseHints
        {
            UseCategory = category,
            DataCategories = data,
            SaysNoPersonalData = noData,
            LearnersUse = learners,
            YoungestYearGroup = learners ? youngest : null,
            Reference = ReferencePattern.Match(t) is { Success: true } r ? r.Value.ToUpperInvariant() : null,
            Renewal = RenewalPattern.IsMatch(t),
        };
    }
}
