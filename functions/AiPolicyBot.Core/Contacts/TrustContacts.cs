namespace AiPolicyBot.Contacts;

/// <summary>
/// Configuration section "Contacts": every address and link staff are shown (welcome and help cards, the incident
/// reply, the fallback, the register tab). Outside Development, start-up refuses empty or placeholder values
/// (docs/configuration.md), so staff are never sent to an address nobody reads.
/// </summary>
public sealed class TrustContacts
{
    public const string Section = "Contacts";

    /// <summary>The information-assurance mailbox staff write to about AI, data and concerns.</summary>
    public string InformationAssuranceEmail { get; set; } = "";

    /// <summary>The Data Protection Officer's address.</summary>
    public string DpoEmail { get; set; } = "";

    /// <summary>Where complaints about the use of AI go (an address or a web page).</summary>
    public string ComplaintsContact { get; set; } = "";

    /// <summary>The Trust's published AI policy.</summary>
    public string PolicyUrl { get; set; } = "";

    /// <summary>The Trust's general AI training (a tool's own training link is on its register entry).</summary>
    public string TrainingUrl { get; set; } = "";

    /// <summary>Each setting with its key, for validation and docs.</summary>
    public IEnumerable<(string Key, string Value, bool IsUrl)> All() =>
    [
        ($"{Section}:{nameof(InformationAssuranceEmail)}", InformationAssuranceEmail, false),
        ($"{Section}:{nameof(DpoEmail)}", DpoEmail, false),
        ($"{Section}:{nameof(ComplaintsContact)}", ComplaintsContact, false),
        ($"{Section}:{nameof(PolicyUrl)}", PolicyUrl, true),
        ($"{Section}:{nameof(TrainingUrl)}", TrainingUrl, true),
    ];

    /// <summary>
    /// The problems with these values for a real deployment: missing, a placeholder (example domains, localhost,
    /// "your-trust", "changeme"), a malformed address, or a link that is not https.
    /// </summary>
    public IReadOnlyList<string> ProblemsForProduction()
    {
        var problems = new List<string>();
        foreach (var (key, value, isUrl) in All())
        {
            if (string.IsNullOrWhiteSpace(value)) { problems.Add($"{key} is not set"); continue; }
            if (IsPlaceholder(value)) { problems.Add($"{key} is a placeholder ({value})"); continue; }
            if (isUrl && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                problems.Add($"{key} must be an https link");
            else if (!isUrl && key.EndsWith("Email", StringComparison.Ordinal) && !LooksLikeAddress(value))
                problems.Add($"{key} must be an email address");
        }
        return problems;
    }

    private static readonly string[] PlaceholderMarks =
        ["example.", ".example", "example@", "localhost", "your-trust", "yourtrust", "changeme", "change-me", "placeholder", "todo", "contoso"];

    public static bool IsPlaceholder(string value) =>
        PlaceholderMarks.Any(m => value.Contains(m, StringComparison.OrdinalIgnoreCase));

    private static bool LooksLikeAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace);
    }
}
