using System.Text.RegularExpressions;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

/// <summary>tests/fixtures/triage-dev.jsonl (held out: the model never trains on it) and one shared classifier.</summary>
public static partial class TriageDevSet
{
    public static readonly Lazy<IReadOnlyList<LabelledMail>> Rows = new(() =>
        LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl"))));

    public static readonly Lazy<TriageClassifier> Classifier = new(() =>
        TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All));

    [GeneratedRegex(@"\[personalData: ([^\]]*)\]")]
    private static partial Regex PersonalDataTag();

    [GeneratedRegex(@"\[reference: ([^\]]*)\]")]
    private static partial Regex ReferenceTag();

    public static IReadOnlyList<string> ExpectedPersonalData(LabelledMail row)
    {
        var tag = PersonalDataTag().Match(row.Notes).Groups[1].Value.Trim();
        return tag is "none" or "" ? [] : tag.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public static string? ExpectedReference(LabelledMail row)
    {
        var tag = ReferenceTag().Match(row.Notes).Groups[1].Value.Trim();
        return tag is "null" or "" ? null : tag;
    }
}
