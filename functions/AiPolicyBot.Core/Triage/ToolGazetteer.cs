using System.Text;

namespace AiPolicyBot.Triage;

/// <summary>
/// Register names, aliases and vendors passed in from outside (Core knows no register store). Matches whole words,
/// ignoring case, spaces and punctuation inside a name ("Chat GPT" = "ChatGPT", "Otter.ai" = "otter ai").
/// </summary>
public sealed class ToolGazetteer
{
    private readonly string[] _names;

    public ToolGazetteer(IEnumerable<string> names) =>
        _names = names.Select(Normalise).Where(n => n.Length >= 3).Distinct(StringComparer.Ordinal).ToArray();

    public static ToolGazetteer Empty { get; } = new([]);

    public bool Mentions(string text)
    {
        if (_names.Length == 0 || string.IsNullOrEmpty(text)) return false;
        var normalised = " " + Normalise(text) + " ";
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // single words and adjacent pairs joined, so "chat gpt" meets "chatgpt" and "chatgpt" meets "chat gpt"
        var joined = words.Concat(words.Zip(words.Skip(1), (a, b) => a + b)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _names)
        {
            if (normalised.Contains(" " + name + " ", StringComparison.Ordinal)) return true;
            if (joined.Contains(name.Replace(" ", ""))) return true;
        }
        return false;
    }

    private static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.ToLowerInvariant()) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
