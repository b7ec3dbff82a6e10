using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>The windows the priority rules see on over-long sentences find exactly what the whole sentence would.</summary>
public class SentenceWindowsTests
{
    public static TheoryData<int, int> Sizes => new() { { SentenceWindows.Size, SentenceWindows.Overlap }, { 450, 300 } };

    private static IEnumerable<string> LongSentences() =>
        TriageBaseline.Lines.Value.Where(l => l.Kind == "rules-run-on" && l.Id.Contains('+'))
            .SelectMany(l => TextZones.Sentences(TriageBaseline.RunOnText(l)))
            .Where(s => s.Length > 2 * SentenceWindows.Size);

    [Fact]
    public void A_sentence_up_to_the_window_size_is_one_window()
    {
        var sentence = new string('a', SentenceWindows.Size);
        Assert.Equal([Range.All], SentenceWindows.Of(sentence));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Windows_cover_the_sentence_overlap_enough_and_are_cut_beside_non_word_characters(int size, int overlap)
    {
        var sentences = LongSentences().ToList();
        Assert.True(sentences.Count >= 50, $"{sentences.Count} long sentences");
        foreach (var s in sentences)
        {
            var windows = SentenceWindows.Of(s, size, overlap).Select(w => w.GetOffsetAndLength(s.Length)).ToList();
            Assert.Equal(0, windows[0].Offset);
            Assert.Equal(s.Length, windows[^1].Offset + windows[^1].Length);
            Assert.All(windows, w => Assert.InRange(w.Length, 1, size));
            for (var i = 1; i < windows.Count; i++)
            {
                var previousEnd = windows[i - 1].Offset + windows[i - 1].Length;
                Assert.True(windows[i].Offset > windows[i - 1].Offset, "windows move on");
                Assert.True(previousEnd - windows[i].Offset >= overlap, $"overlap {previousEnd - windows[i].Offset} < {overlap}");
                Assert.False(char.IsLetterOrDigit(s[windows[i].Offset - 1]), $"start cut after '{s[windows[i].Offset - 1]}'");
                Assert.False(char.IsLetterOrDigit(s[previousEnd]), $"end cut before '{s[previousEnd]}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_rule_match_in_a_sentence_is_found_in_a_window_and_no_window_invents_one(int size, int overlap)
    {
        var checkedMatches = 0;
        foreach (var s in LongSentences())
        {
            var windows = SentenceWindows.Of(s, size, overlap).Select(w => w.GetOffsetAndLength(s.Length)).ToList();
            foreach (var rule in PriorityRules.All)
            {
                // every match of the whole sentence lies inside a window (where the rule then matches too)
                foreach (var m in rule.Pattern.EnumerateMatches(s))
                {
                    var (index, end) = (m.Index, m.Index + m.Length);
                    Assert.Contains(windows, w => w.Offset <= index && end <= w.Offset + w.Length);
                    checkedMatches++;
                }
                // every match inside a window starts where the whole sentence has a match too (no invented \b)
                foreach (var w in windows)
                    foreach (var m in rule.Pattern.EnumerateMatches(s.AsSpan(w.Offset, w.Length)))
                    {
                        var whole = rule.Pattern.Match(s, w.Offset + m.Index);
                        Assert.True(whole.Success && whole.Index == w.Offset + m.Index, $"{rule.Id} at {w.Offset + m.Index}");
                    }
            }
        }
        Assert.True(checkedMatches > 500, $"{checkedMatches} matches checked");
    }

    [Fact]
    public void A_run_with_no_place_to_cut_is_cut_anyway_and_still_covered()
    {
        var s = new string('x', 5000);
        var windows = SentenceWindows.Of(s).Select(w => w.GetOffsetAndLength(s.Length)).ToList();
        Assert.True(windows.Count > 1);
        Assert.Equal(s.Length, windows[^1].Offset + windows[^1].Length);
        Assert.All(windows, w => Assert.InRange(w.Length, 1, SentenceWindows.Size));
    }
}
