using System.Text.RegularExpressions;
using AiPolicyBot.Policy;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>
/// Pulls use hints out of a message with word rules: the use category, personal data mentioned (or ruled out),
/// learners and their youngest year group, a request reference. Deterministic and local; source-generated patterns
/// over the capped message text (see <see cref="MessagePatterns"/>).
/// </summary>
public static partial class HintExtractor
{
    // The first category that matches wins, so the more specific come first.
    private static UseCategory? UseCategoryOf(string t) =>
        SafeguardingUse.IsMatch(t) ? UseCategory.Safeguarding
        : SendEalUse.IsMatch(t) ? UseCategory.SendEal
        : HrUse.IsMatch(t) ? UseCategory.Hr
        : FinanceUse.IsMatch(t) ? UseCategory.Finance
        : AssessmentUse.IsMatch(t) ? UseCategory.Assessment
        : FeedbackMarkingUse.IsMatch(t) ? UseCategory.FeedbackMarking
        : DataAnalysisUse.IsMatch(t) ? UseCategory.DataAnalysis
        : AdminCommsUse.IsMatch(t) ? UseCategory.AdminComms
        : LearnerTutoringUse.IsMatch(t) ? UseCategory.LearnerTutoring
        : LessonPlanningUse.IsMatch(t) ? UseCategory.LessonPlanning
        : null;

    // Every kind of data mentioned counts.
    private static readonly (DataCategory Category, Regex Pattern)[] Data =
    [
        (DataCategory.SpecialCategory, SpecialCategoryData),
        (DataCategory.Safeguarding, SafeguardingData),
        (DataCategory.ExamResults, ExamResultsData),
        (DataCategory.PupilWork, PupilWorkData),
        (DataCategory.Parent, ParentData),
        (DataCategory.Staff, StaffData),
        (DataCategory.ImagesVoiceVideo, ImagesVoiceVideoData),
        (DataCategory.Pupil, PupilData),
    ];

    [GeneratedRegex(@"\b(safeguarding|cpoms|child protection|dsl)\b", Options, TimeoutMs)]
    private static partial Regex SafeguardingUse { get; }

    [GeneratedRegex(@"\b(send|sen|senco|ehcps?|eal|iep|sen support|special educational|dyslexi\w*|access arrangements)\b", Options, TimeoutMs)]
    private static partial Regex SendEalUse { get; }

    [GeneratedRegex(@"\b(hr|recruitment|interview\w*|appraisals?|job (ad|advert|description)s?|staff absence|disciplinar\w*)\b", Options, TimeoutMs)]
    private static partial Regex HrUse { get; }

    [GeneratedRegex(@"\b(finance|budget\w*|invoices?|procurement|payroll)\b", Options, TimeoutMs)]
    private static partial Regex FinanceUse { get; }

    [GeneratedRegex(@"\b(exams?|nea|coursework|mock(s| exams?)?|assessments?|gcse|a.level|predicted grades)\b", Options, TimeoutMs)]
    private static partial Regex AssessmentUse { get; }

    [GeneratedRegex(@"\b(mark(ing)?|feedback|grading|grade (essays|work))\b", Options, TimeoutMs)]
    private static partial Regex FeedbackMarkingUse { get; }

    [GeneratedRegex(@"\b(analy[sz]\w*|data analysis|spreadsheets?|results|scores|tracking data|attendance data|group them)\b", Options, TimeoutMs)]
    private static partial Regex DataAnalysisUse { get; }

    [GeneratedRegex(@"\b(e-?mails?|letters?|newsletters?|minutes|admin\w*|reports?|summari[sz]\w*|meetings?|notes|policies|policy documents?|guidance|parents evening)\b", Options, TimeoutMs)]
    private static partial Regex AdminCommsUse { get; }

    [GeneratedRegex(@"\b(homework|revision|tutor\w*|learners? use|pupils? use|students? use)\b", Options, TimeoutMs)]
    private static partial Regex LearnerTutoringUse { get; }

    [GeneratedRegex(@"\b(lesson\w*|plan(s|ning)?|quiz\w*|worksheets?|resources?|slides?|presentations?|reading texts?|images?|schemes? of work|starter|differentiat\w*|questions)\b", Options, TimeoutMs)]
    private static partial Regex LessonPlanningUse { get; }

    [GeneratedRegex(@"\b(send|sen|ehcps?|iep|medical|health|diagnos\w*|special category)\b", Options, TimeoutMs)]
    private static partial Regex SpecialCategoryData { get; }

    [GeneratedRegex(@"\b(safeguarding|cpoms|child protection|disclosures?)\b", Options, TimeoutMs)]
    private static partial Regex SafeguardingData { get; }

    [GeneratedRegex(@"\b(exam results|mock results|results|scores|grades|marks)\b", Options, TimeoutMs)]
    private static partial Regex ExamResultsData { get; }

    [GeneratedRegex(@"\b(pupils?'?s? (work|essays?)|students?'?s? (work|essays?)|their (work|essays?)|coursework)\b", Options, TimeoutMs)]
    private static partial Regex PupilWorkData { get; }

    [GeneratedRegex(@"\b(parents?'? ?(e-?mails?|contact|details|addresses|phone)|parents evening notes)\b", Options, TimeoutMs)]
    private static partial Regex ParentData { get; }

    [GeneratedRegex(@"\b(staff (data|records|absence|details)|appraisals?|hr|payroll|disciplinar\w*)\b", Options, TimeoutMs)]
    private static partial Regex StaffData { get; }

    [GeneratedRegex(@"\b(record(ing)? (my |the |our )?(meetings?|lessons?|voices?)|photos? of|videos? of|voices?)\b", Options, TimeoutMs)]
    private static partial Regex ImagesVoiceVideoData { get; }

    [GeneratedRegex(@"\b((pupil|student|child|children|learner)s?'?s? (names?|data|details|records|information|info|reports?)|(with|including|and) (their |the |pupil |student )?names|reports|report (cards|comments)|behaviour (logs?|notes|data)|attendance|class list|reading ages|pupil's|student's)\b", Options, TimeoutMs)]
    private static partial Regex PupilData { get; }

    [GeneratedRegex(@"\b(anonymi[sz]ed|anonymous|no (personal|pupil|student) (data|info\w*|names?|details)|without (any )?(names?|personal data|pupil data)|nothing about (pupils|students|children)|made.up|fictional|my own (e-?mails?|writing|work)|no names)\b", Options, TimeoutMs)]
    private static partial Regex NoData { get; }
    [GeneratedRegex(@"\b((pupils?|students?|learners?|kids|children|class(es)?|year \d{1,2}s|y\d{1,2}s|sixth formers?|form|group) (to )?(use|log in|try|access|would log in|could use|can use)|can (my )?(pupils?|students?|learners?|kids|children|class|year \d{1,2}s|y\d{1,2}s) use|with (my |our |the )?(year|y)\s?\d{1,2}s?|with (my |our )?(class|pupils|students|sixth form|learners)|my (year|y)\s?\d{1,2}s|for (year|y)\s?\d{1,2}\b|(pupils?|students?|learners?) would|learner.facing|learners can)\b", Options, TimeoutMs)]
    private static partial Regex Learners { get; }
    [GeneratedRegex(@"\b(?:year|yr|y)\s?(\d{1,2})s?\b", Options, TimeoutMs)]
    private static partial Regex YearGroupPattern { get; }
    [GeneratedRegex(@"\b(sixth form\w*|post.?16|a.level|year 12|year 13)\b", Options, TimeoutMs)]
    private static partial Regex SixthForm { get; }
    [GeneratedRegex(@"\b(eyfs|reception|nursery|early years)\b", Options, TimeoutMs)]
    private static partial Regex EarlyYears { get; }
    // "my year 9s", "for year 7": a year group named with these words is the learners the tool is for.
    [GeneratedRegex(@"\b(my|our|with|for|can)\b", Options, TimeoutMs)]
    private static partial Regex OwnGroupWord { get; }
    [GeneratedRegex(@"\bAIP-\d{4}-\d{4,9}\b", Options, TimeoutMs)]
    private static partial Regex ReferencePattern { get; }
    [GeneratedRegex(@"\b(renew\w*|re-?review|again|appeal|reconsider)\b", Options, TimeoutMs)]
    private static partial Regex RenewalPattern { get; }

    public static UseHints Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return UseHints.None;
        var t = text.Replace('’', '\'');

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
        if (youngest is not null && !learners && OwnGroupWord.IsMatch(t)) learners = true;

        return new UseHints
        {
            UseCategory = UseCategoryOf(t),
            DataCategories = data,
            SaysNoPersonalData = noData,
            LearnersUse = learners,
            YoungestYearGroup = learners ? youngest : null,
            Reference = ReferencePattern.Match(t) is { Success: true } r ? r.Value.ToUpperInvariant() : null,
            Renewal = RenewalPattern.IsMatch(t),
        };
    }
}
