using AiPolicyBot.Triage;
using Xunit.Abstractions;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>
/// Issue 11 replaced the NonBacktracking priority-rule regexes (73 MB of DFA tables kept after training): these tests
/// hold the replacement to main's results before the change, mail by mail, on both of its matching paths.
/// </summary>
public class TriageBaselineTests(ITestOutputHelper output)
{
    [Fact]
    public void The_baseline_covers_every_training_dev_and_unseen_mail()
    {
        var classified = TriageBaseline.Lines.Value.Where(l => l.Kind == "classify").Select(l => (l.Set, l.Id)).ToHashSet();
        var all = TriageBaseline.Sets.Value.SelectMany(s => s.Value.Select(r => (s.Key, r.Id))).ToList();
        Assert.Equal(603 + 140 + 28, all.Count);
        Assert.All(all, key => Assert.Contains(key, classified));
        Assert.Equal(all.Count, classified.Count);
    }

    [Fact]
    public void Every_mail_classifies_exactly_as_before_the_change()
    {
        var differences = new List<string>();
        foreach (var line in TriageBaseline.Lines.Value.Where(l => l.Kind == "classify"))
        {
            var mail = TriageBaseline.Sets.Value[line.Set].Single(r => r.Id == line.Id).Mail;
            var now = TriageBaseline.Normalised(TriageDevSet.Classifier.Value.Classify(mail));
            var before = TriageBaseline.Normalised(line.Value);
            if (now != before) differences.Add($"{line.Set}/{line.Id}:\n  before {before}\n  now    {now}");
        }
        foreach (var d in differences) output.WriteLine(d);
        Assert.Empty(differences);
    }

    [Fact]
    public void The_same_rules_fire_on_run_on_sentences_as_before_the_change()
    {
        var lines = TriageBaseline.Lines.Value.Where(l => l.Kind == "rules-run-on").ToList();
        Assert.Contains(lines, l => TriageBaseline.RunOnText(l).Length > 3 * SentenceWindows.Size); // windows are used
        var differences = Differences(lines, PriorityRules.Match);
        foreach (var d in differences) output.WriteLine(d);
        Assert.Empty(differences);
    }

    [Fact]
    public void The_large_text_path_fires_the_same_rules_as_before_the_change()
    {
        // Texts over 16 KB use the NonBacktracking copies; run every baseline text through them, however short.
        var linear = new PriorityRules.LinearRules();
        var differences = Differences(TriageBaseline.Lines.Value.Where(l => l.Kind == "rules-run-on").ToList(), t => linear.Match(t));
        foreach (var (set, rows) in TriageBaseline.Sets.Value)
            foreach (var row in rows)
            {
                var text = row.Mail.Subject + ".\n\n" + row.Mail.Body;
                var small = Ids(PriorityRules.Match(text));
                var large = Ids(linear.Match(text));
                if (small != large) differences.Add($"{set}/{row.Id}: windows {small} | linear {large}");
            }
        foreach (var d in differences) output.WriteLine(d);
        Assert.Empty(differences);
    }

    [Fact]
    public void A_memo_shared_across_texts_changes_no_result()
    {
        // The classifier shares one memo between a mail's zoned and own text; share one across everything here.
        var memo = new PriorityRules.MatchMemo();
        var texts = TriageBaseline.Sets.Value.Values.SelectMany(rows => rows)
            .SelectMany(r => new[] { r.Mail.Subject + ".\n\n" + r.Mail.Body, r.Mail.Body })
            .Concat(TriageBaseline.Lines.Value.Where(l => l.Kind == "rules-run-on").Select(TriageBaseline.RunOnText))
            .ToList();
        var differences = texts.Where(t => Ids(PriorityRules.Match(t, memo)) != Ids(PriorityRules.Match(t))).ToList();
        Assert.Empty(differences);
    }

    private static List<string> Differences(IEnumerable<TriageBaseline.Line> lines, Func<string, IReadOnlyList<PriorityRule>> match)
    {
        var differences = new List<string>();
        foreach (var line in lines)
        {
            var now = Ids(match(TriageBaseline.RunOnText(line)));
            var before = (string)line.Value!;
            if (now != before) differences.Add($"{line.Set}/{line.Id}: before [{before}] now [{now}]");
        }
        return differences;
    }

    private static string Ids(IReadOnlyList<PriorityRule> rules) => string.Join(",", rules.Select(r => r.Id));
}
