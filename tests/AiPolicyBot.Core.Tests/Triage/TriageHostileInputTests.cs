using System.Diagnostics;
using System.Text.RegularExpressions;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>
/// Bodies up to 512 KB reach the preview endpoint (issue 11): crafted ones are classified, in bounded time, without
/// throwing, and a rule that runs out of time can only make a mail a breach, never hide one.
/// </summary>
public class TriageHostileInputTests
{
    private const int Body = 512 * 1024;

    private static string Repeat(string piece, int length) =>
        string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];

    private static TriageResult Classify(string body) =>
        TriageDevSet.Classifier.Value.Classify(new MailToTriage("someone@outside.example", null, "Notes", body));

    [Fact]
    public void Pasted_pupil_names_with_no_sentence_break_is_a_breach_found_by_its_rule()
    {
        var result = Classify(Repeat("pasted pupil names ", Body));
        Assert.Equal(TriageCategory.Breach, result.Category);
        Assert.Contains("rule:breach-pasted-pupil-data", result.Signals);
        Assert.DoesNotContain("rule:breach-timeout", result.Signals);
    }

    [Theory]
    [InlineData("records summarised into ")]   // breach-data-into-tool without the tool: the deepest nesting
    [InlineData("HR run in ")]                 // the same, with the shortest words (most starts per KB)
    [InlineData("salar")]                      // one 512 KB word for \w* (salar\w*) to run along
    [InlineData("photos posted on the wall ")] // breach-published without a public place
    public void Near_misses_of_512_KB_are_classified_in_bounded_time_without_a_timeout(string piece)
    {
        var body = Repeat(piece, Body);
        var sw = Stopwatch.StartNew();
        var result = Classify(body);
        // Generous for a shared CI machine (a few hundred ms when idle): the point is seconds, not minutes.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"{sw.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("rule:breach-timeout", result.Signals);
        Assert.DoesNotContain(result.Signals, s => s is "rule:breach-data-into-tool" or "rule:breach-published");
    }

    [Theory]
    [InlineData("records summarised into ")]
    [InlineData("HR run in ")]
    [InlineData("salar")]
    [InlineData("I pasted the class list into ChatGPT ")]
    public void Sixteen_KB_of_near_misses_on_the_backtracking_path_agree_with_the_linear_engine(string piece)
    {
        var text = Repeat(piece, PriorityRules.LargeText);
        var windows = PriorityRules.Match(text);
        Assert.DoesNotContain(PriorityRules.TimedOut, windows);
        Assert.Equal(new PriorityRules.LinearRules().Match(text).Select(r => r.Id), windows.Select(r => r.Id));
    }

    [Fact]
    public void A_breach_rule_that_times_out_makes_the_text_a_breach()
    {
        var rules = PriorityRules.All.Take(2).Append(new PriorityRule("breach-slow", TriageCategory.Breach, Catastrophic())).ToList();
        var hits = PriorityRules.Match(Slow, rules, Never(), SentenceWindows.Size, SentenceWindows.Overlap);
        Assert.Contains(PriorityRules.TimedOut, hits);
        Assert.Equal(TriageCategory.Breach, PriorityRules.TimedOut.Category);
        Assert.True(PriorityRules.TimedOut.Decisive && PriorityRules.TimedOut.Strong, "decisive, even in bulk mail");
    }

    [Fact]
    public void A_question_test_that_times_out_leaves_the_breach_check_unfinished_so_it_is_a_breach()
    {
        var hits = PriorityRules.Match(Slow, PriorityRules.All, Catastrophic(), SentenceWindows.Size, SentenceWindows.Overlap);
        Assert.Equal([PriorityRules.TimedOut], hits);
    }

    [Fact]
    public void A_later_rule_that_times_out_keeps_the_finished_breach_decision()
    {
        var breachRules = PriorityRules.All.Where(r => r.Category == TriageCategory.Breach).ToList();
        var rules = breachRules.Append(new PriorityRule("complaint-slow", TriageCategory.Complaint, Catastrophic())).ToList();
        var text = "I pasted pupil names into ChatGPT. " + Slow;
        var hits = PriorityRules.Match(text, rules, Never(), SentenceWindows.Size, SentenceWindows.Overlap);
        Assert.Contains(hits, r => r.Id == "breach-pasted-pupil-data");
        Assert.DoesNotContain(PriorityRules.TimedOut, hits);
        Assert.DoesNotContain(hits, r => r.Id == "complaint-slow");
    }

    // Exponential backtracking on a run of word characters that does not end the text: times out within 1 ms.
    private const string Slow = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

    private static Regex Catastrophic() => new(@"^(\w+\s?)*$", RegexOptions.None, TimeSpan.FromMilliseconds(1));

    private static Regex Never() => new("(?!)");
}
