using System.Text;
using AiPolicyBot.Language.Conversation;
using Xunit.Abstractions;

namespace AiPolicyBot.Language.Tests;

/// <summary>
/// The plain C# scorer against ML.NET itself, message by message: every training and development message and
/// generated variants (accents, typographic quotes, emoji, digits, tabs and new lines, long texts, controls, empty)
/// must get ML.NET's probabilities within 1e-5 and the same top intent (docs/spec/intent-scorer.md).
/// </summary>
public sealed class IntentScorerParityTests(IntentScorerParityTests.Models models, ITestOutputHelper output) : IClassFixture<IntentScorerParityTests.Models>
{
    public const double Tolerance = 1e-5;

    public sealed class Models
    {
        public MlIntentModel MlNet { get; } = IntentModelFiles.LoadMlModel();
        public IntentScorer Scorer { get; } = new(IntentModelFiles.Tables());
    }

    [Fact]
    public void Every_training_message_scores_as_ml_net_scores_it() =>
        AssertParity("training", IntentModelFiles.TrainingSet().Select(r => r.Text).ToList(), minimum: 3000);

    [Fact]
    public void Every_development_message_scores_as_ml_net_scores_it() =>
        AssertParity("development", DevTexts(), minimum: 100);

    [Fact]
    public void Written_variants_score_as_ml_net_scores_them()
    {
        var bases = DevTexts().Concat(IntentModelFiles.TrainingSet().Where((_, i) => i % 50 == 0).Select(r => r.Text)).ToList();
        var variants = bases.SelectMany(Variants).Concat(EdgeCases()).ToList();
        AssertParity("variants", variants, minimum: 1000);
    }

    [Fact]
    public void Random_text_scores_as_ml_net_scores_it()
    {
        // Characters from every class the featurisation treats differently; fixed seed, so a failure can be replayed.
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?'\"-()/|<>*&%$#@_ \t\n\r\u00A0" +
            "éèêëàâäçñüöïîôûÿÉÀÇÑÜÖİıßæøåÆØÅ ΆάέήίόύώЁёЙй \u0301\u0300\u0308\u05B0\u064E ’‘“”—–… \u0001\u0002\u0003\u007F\u0085\u2028\u2029\u200B\uFEFF";
        string[] emoji = ["👍", "🙏", "😅", "🧙‍♂️", "👩🏽‍🏫", "✅", "✔️", "\uD83D", "\uDE00"];
        var random = new Random(20261207);
        var texts = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, i % 10 == 0 ? 900 : 80);
            while (sb.Length < length)
                sb.Append(random.Next(12) == 0 ? emoji[random.Next(emoji.Length)] : alphabet[random.Next(alphabet.Length)].ToString());
            texts.Add(sb.ToString());
        }
        AssertParity("random", texts, minimum: 600);
    }

    [Fact]
    public void The_committed_model_predicts_as_ml_net_with_the_temperature()
    {
        var model = IntentModelFiles.LoadModel();
        foreach (var text in DevTexts())
        {
            var expected = model.Calibrate(models.MlNet.Score(text));
            var actual = model.Predict(text);
            Assert.Equal(expected[0].Intent, actual[0].Intent);
            foreach (var e in expected)
                Assert.Equal(e.Probability, actual.Single(a => a.Intent == e.Intent).Probability, Tolerance);
        }
    }

    private void AssertParity(string set, IReadOnlyList<string> texts, int minimum)
    {
        Assert.True(texts.Count >= minimum, $"{texts.Count} {set} texts");
        Assert.Equal(models.MlNet.Labels, models.Scorer.Labels);
        Span<float> mine = stackalloc float[models.Scorer.Labels.Count];
        var worst = 0.0;
        var failures = new List<string>();
        foreach (var text in texts)
        {
            var theirs = models.MlNet.Score(text);
            models.Scorer.Score(IntentText.Prepare(text), mine);
            var diff = 0.0;
            for (var i = 0; i < theirs.Length; i++) diff = Math.Max(diff, Math.Abs(theirs[i] - mine[i]));
            worst = Math.Max(worst, diff);
            if (diff > Tolerance || ArgMax(theirs) != ArgMax(mine))
                failures.Add($"{diff:E2} top {models.Scorer.Labels[ArgMax(theirs)]}/{models.Scorer.Labels[ArgMax(mine)]}: {Escape(text)}");
        }
        output.WriteLine($"{set}: {texts.Count} texts compared, largest absolute difference {worst:E2}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} {set} texts differ:\n" + string.Join("\n", failures.Take(20)));
    }

    private static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(120).Select(c => c < 0x20 || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static List<string> DevTexts() =>
        ChatExample.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "chat-dev.jsonl"))).Select(r => r.Text).ToList();

    private static IEnumerable<string> Variants(string text)
    {
        yield return text.Replace('e', 'é').Replace('n', 'ñ').Replace('u', 'ü').Replace('a', 'à').Replace('c', 'ç');
        yield return text.ToUpperInvariant().Replace('E', 'É').Replace('O', 'Ö');
        yield return text.Replace("e", "e\u0301");
        yield return "‘" + text.Replace("'", "’") + "’ “really”";
        yield return "👍 " + text + " 🙏🏽 😅";
        yield return text + " ref 0042-1234 on 07/12/2026 at 9:45";
        yield return text.Replace(" ", "\t");
        yield return text.Replace(" ", "\n");
        yield return text.Replace(" ", "   ");
        yield return "  " + text + " \r\n ";
        yield return string.Concat(Enumerable.Repeat(text + " ", 2000 / Math.Max(1, text.Length + 1) + 1))[..2000];
        yield return string.Concat(Enumerable.Repeat("We are planning the new term, and ", 60)) + text;
        yield return text.Replace(" ", " | ");
        yield return text.Replace(" ", "|");
    }

    private static IEnumerable<string> EdgeCases() =>
    [
        "", " ", "\t\n", "a", "?", "|", "||", "a|b", "👍", "\uD83D", "\uDE00x", "\0", "a\0b", "\u0301", "e\u0301\u0301",
        "\u0001\u0002\u0003", "\u0085next line", "line\u2028separator", "zero\u200Bwidth", "\uFEFFbom", "İstanbul ıi",
        "Ёлка ЙОД", "Άλφα ώρα", "straße", "ÆØÅ æøå", "\u00A0non\u00A0breaking\u00A0", "new tool: Ω≈ç√∫",
        new string('x', 2000), string.Concat(Enumerable.Repeat("can I use chat gpt? ", 100)), new string('é', 700),
    ];
}
