namespace AiPolicyBot.Register;

/// <summary>
/// An immutable view of the register at one version, with its lookups built once: exact name/alias matching for
/// routing (docs/policy-and-register.md) and the fuzzy <see cref="RegisterSearch"/> for people. Safe to share across threads.
/// </summary>
public sealed class RegisterSnapshot
{
    private readonly Dictionary<string, RegisterEntry> _byId;
    private readonly Dictionary<string, List<RegisterEntry>> _byExactName;
    private readonly Lazy<RegisterSearch> _search;

    public RegisterSnapshot(IEnumerable<RegisterEntry> entries, string version = "")
    {
        Entries = entries.ToList();
        Version = version;
        _byId = new(StringComparer.Ordinal);
        _byExactName = new(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            _byId.TryAdd(e.Id, e);
            foreach (var key in e.Aliases.Prepend(e.Name).Select(ToolNames.Normalise).Where(k => k.Length > 0).Distinct())
            {
                if (!_byExactName.TryGetValue(key, out var list)) _byExactName[key] = list = [];
                list.Add(e);
            }
        }
        _search = new(() => new RegisterSearch(Entries), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static RegisterSnapshot Empty { get; } = new([]);

    public IReadOnlyList<RegisterEntry> Entries { get; }

    /// <summary>Opaque version of the register this snapshot was built from.</summary>
    public string Version { get; }

    public RegisterSearch Search => _search.Value;

    public RegisterEntry? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Entries whose normalised name or alias equals the normalised tool name (routing; §6).</summary>
    public IReadOnlyList<RegisterEntry> FindExact(string toolName) =>
        _byExactName.TryGetValue(ToolNames.Normalise(toolName), out var list) ? list : [];
}
