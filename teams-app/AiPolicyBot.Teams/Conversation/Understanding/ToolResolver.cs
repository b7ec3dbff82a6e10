using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiPolicyBot.Language.Conversation.Catalogue;
using AiPolicyBot.Register;

using static AiPolicyBot.Teams.Conversation.Understanding.MessagePatterns;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>The tool a message names: a register entry, a product the Trust has not assessed, or neither.</summary>
public readonly record struct ResolvedTool(RegisterEntry? Entry, string? UnknownName)
{
    public static ResolvedTool None => default;
}

/// <summary>
/// Which tool a message names, in three steps (docs/conversation-quality.md): the Trust's register by name, alias or
/// misspelling; then the product catalogue, whose products are not in the register and so come back as unknown names
/// ("GitHub Copilot" is its own product, never Microsoft 365 Copilot Chat); then, only for a name that looks like a
/// product, <see cref="UnknownProductNames"/>. Register and catalogue share one fuzzy index per register version, so
/// the longest, strongest mention wins: "Google AI Studio" beats the "Google" that would mean Gemini. A mention must
/// be (a misspelling of) one of the product's whole names: a single word borrowed from a longer name ("stage" from
/// "The Foundation Stage Forum's AI") names nothing.
/// </summary>
public sealed partial class ToolResolver(ProductCatalogue catalogue, UnknownProductNames unknownNames)
{
    private const string CataloguePrefix = "catalogue:";

    /// <summary>Name catalogue products by the catalogue's full name instead (only to measure the choice: ConversationReport --catalogue-names).</summary>
    public bool CatalogueNames { get; init; }

    [GeneratedRegex(@"(?<=\p{L})['’]s\b", Options, TimeoutMs)]
    private static partial Regex Possessive { get; }

    // Keys: every name an entry may be mentioned by (typos allowed against them). Written: a catalogue product's own
    // names (name and aliases, not misspellings or vendor phrases), which are returned as the message wrote them.
    private sealed record Index(RegisterSearch Search, Dictionary<string, HashSet<string>> Keys, Dictionary<string, HashSet<string>> Written);

    // One combined index per register snapshot; snapshots are immutable and replaced on every register change.
    private readonly ConditionalWeakTable<RegisterSnapshot, Index> _indexes = new();

    public ResolvedTool Resolve(string text, RegisterSnapshot register)
    {
        if (string.IsNullOrWhiteSpace(text)) return ResolvedTool.None;
        // "Canva's AI" is Canva, not the product "Canvas".
        var t = Possessive.Replace(text, "");
        var index = _indexes.GetValue(register, Build);
        var matches = index.Search.FindAllInText(t)
            .Where(m => m.Entry is not null)
            .OrderByDescending(m => m.Score).ThenBy(m => IsCatalogue(m.Entry!));
        foreach (var match in matches)
        {
            var entry = match.Entry!;
            if (!NamesWholly(index.Keys[entry.Id], match.Mention, out var exact)) continue;
            // A typo of a name must not be an everyday word, a school term or an academy ("Sorry" is not "Sora").
            if (!exact && unknownNames.IsExcludedWord(match.Mention)) continue;
            if (!IsCatalogue(entry)) return new ResolvedTool(register.Get(entry.Id) ?? entry, null);
            if (unknownNames.IsOrdinaryWordMention(match.Mention)) continue;
            return new ResolvedTool(null, CatalogueNames ? entry.Name : AsWritten(index, entry, match.Mention));
        }
        return new ResolvedTool(null, unknownNames.Find(t));
    }

    /// <summary>
    /// The contract's unknown name is the product's name as people write it: "Brisk", not the catalogue's "Brisk
    /// Teaching". A mention that is one of the product's names is returned as typed, tidied (possessives were removed
    /// before the search; a name typed all in lower case gets capitals); a misspelling or a vendor phrase ("the
    /// microsoft one") is not a name anyone writes, so it is the catalogue's name.
    /// </summary>
    private static string AsWritten(Index index, RegisterEntry entry, string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention) || !index.Written[entry.Id].Contains(ToolNames.Normalise(mention))) return entry.Name;
        var m = mention.Trim().Trim('"', '\'', '(', ')', ',', '.', '?', '!', ':', ';');
        if (m.Length == 0) return entry.Name;
        if (ToolNames.Normalise(entry.Name) == ToolNames.Normalise(m)) return entry.Name;
        foreach (var ch in m) if (char.IsUpper(ch)) return m;
        return NamePrefix(entry.Name, ToolNames.Normalise(m)) ?? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(m);
    }

    /// <summary>"magicschool" in "MagicSchool AI" is "MagicSchool": the name's own capitals for the part typed.</summary>
    private static string? NamePrefix(string name, string typed)
    {
        if (typed.Length == 0 || !ToolNames.Normalise(name).StartsWith(typed, StringComparison.Ordinal)) return null;
        var seen = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsLetterOrDigit(name[i]) && ++seen == typed.Length) return name[..(i + 1)];
        }
        return null;
    }

    private static bool IsCatalogue(RegisterEntry e) => e.Id.StartsWith(CataloguePrefix, StringComparison.Ordinal);

    /// <summary>The mention is one of the entry's names (or within the search's typo allowance of one).</summary>
    private static bool NamesWholly(HashSet<string> keys, string? mention, out bool exact)
    {
        var m = ToolNames.Normalise(mention);
        exact = keys.Contains(m);
        if (m.Length == 0) return false;
        if (exact) return true;
        var allowed = m.Length < 5 ? 0 : m.Length < 9 ? 1 : 2;
        return allowed > 0 && keys.Any(k => EditDistance.Bounded(m, k, allowed) is { } d && d <= allowed);
    }

    /// <summary>
    /// The register's entries first (each with the catalogue's other names and misspellings for it), then every
    /// catalogue product the register does not hold, as a not-assessed entry with a catalogue id. Beside the index,
    /// each entry's whole names: a register entry's own name words and vendor count too ("Canva", "Google's AI").
    /// </summary>
    private Index Build(RegisterSnapshot register)
    {
        var byRegisterId = catalogue.Products.Where(p => p.RegisterId is not null)
            .GroupBy(p => p.RegisterId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var entries = new List<RegisterEntry>();
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in register.Entries)
        {
            var extra = byRegisterId.GetValueOrDefault(e.Id) ?? [];
            var names = extra.SelectMany(p => p.Aliases.Concat(p.Misspellings).Concat(p.VendorPhrases).Prepend(p.Name));
            var entry = e with { Aliases = e.Aliases.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).ToList() };
            entries.Add(entry);
            var own = e.Aliases.Prepend(e.Name).SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(ToolNames.Normalise).Where(w => w.Length >= 4);
            var vendor = string.IsNullOrWhiteSpace(e.Vendor) ? [] : new[] { ToolNames.Normalise(e.Vendor), ToolNames.Normalise(e.Vendor.Split(' ')[0]) };
            keys[e.Id] = Keys(entry).Concat(own).Concat(vendor).ToHashSet(StringComparer.Ordinal);
        }
        var registerNames = register.Entries.SelectMany(e => e.Aliases.Prepend(e.Name)).Select(ToolNames.Normalise).ToHashSet(StringComparer.Ordinal);
        // A register tool's vendor next to AI words is that tool ("Khan Academy's AI tutor" is Khanmigo), so the
        // catalogue's entry for the vendor itself must not take the mention.
        var registerVendors = register.Entries.Where(e => !string.IsNullOrWhiteSpace(e.Vendor)).Select(e => ToolNames.Normalise(e.Vendor)).ToHashSet(StringComparer.Ordinal);
        var i = 0;
        foreach (var p in catalogue.Products)
        {
            i++;
            if (p.RegisterId is { } id && register.Get(id) is not null) continue;
            // A product the Trust holds under this very name is the register's entry, not a second product.
            if (registerNames.Contains(ToolNames.Normalise(p.Name)) || registerVendors.Contains(ToolNames.Normalise(p.Name))) continue;
            var entry = new RegisterEntry
            {
                Id = CataloguePrefix + i,
                Name = p.Name,
                Vendor = p.Vendor,
                Status = RegisterStatus.NotAssessed,
                Aliases = p.Aliases.Concat(p.Misspellings).Concat(p.VendorPhrases).Where(a => !registerNames.Contains(ToolNames.Normalise(a))).ToList(),
            };
            entries.Add(entry);
            keys[entry.Id] = Keys(entry).ToHashSet(StringComparer.Ordinal);
            written[entry.Id] = p.Aliases.Prepend(p.Name).Select(ToolNames.Normalise).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        }
        return new Index(new RegisterSearch(entries), keys, written);
    }

    private static IEnumerable<string> Keys(RegisterEntry e) =>
        e.Aliases.Prepend(e.Name).Select(ToolNames.Normalise).Where(k => k.Length > 0);
}
