using System.Text;
using System.Text.Json.Nodes;

namespace AiPolicyBot.Fuzz;

/// <summary>
/// Turns a well-formed JSON seed into a hostile variant, deterministically from one <see cref="Random"/>: one to three
/// structural edits (drop, retype, oversize, control characters, deep nesting, extra fields), and now and then a
/// byte-level break of the text (truncation, flipped bytes, not JSON at all). The edits are the shapes that broke the
/// host before: missing objects, 70,000-character ids, 40 KB conversation ids.
/// </summary>
public sealed class Mutator(Random random)
{
    private static readonly string[] Oddities =
    [
        "", " ", "\u0000", "\r\n", "a\u0000b", "\ud83d\ude00", "<script>alert(1)</script>", "../../etc/passwd", "%00",
        "AIP-2026-0001", "AIP-9999-9999", "00000000-0000-0000-0000-000000000000", "null", "true", "1e309", "-0",
        "\u202e", "x".PadRight(1025, 'x'), "msteams", "https://evil.example/", "http://127.0.0.1:1/",
    ];

    public Random Random => random;

    public string Mutate(JsonNode seed)
    {
        var node = seed.DeepClone();
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            node = EditSomewhere(node);
        }

        var text = node?.ToJsonString() ?? "null";
        return random.Next(10) == 0 ? BreakText(text) : text;
    }

    /// <summary>A value of a random kind, sometimes large: the replacement for whatever was there.</summary>
    public JsonNode? AnyValue() => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(3) switch { 0 => 0, 1 => -1, _ => int.MaxValue }),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => JsonValue.Create(Oddities[random.Next(Oddities.Length)]),
        4 => JsonValue.Create(new string((char)('0' + random.Next(10)), random.Next(2) == 0 ? 70_000 : 40_000)),
        5 => new JsonObject(),
        6 => new JsonArray(),
        7 => Deep(random.Next(20, 200)),
        8 => JsonValue.Create(RandomText(random.Next(1, 300))),
        9 => JsonValue.Create(1e308 * (random.Next(2) == 0 ? 1 : -1)),
        10 => new JsonArray([.. Enumerable.Range(0, random.Next(100, 3000)).Select(i => (JsonNode?)JsonValue.Create(i))]),
        11 => JsonValue.Create(string.Concat(Enumerable.Repeat("\n", random.Next(1000, 50_000)))),
        12 => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(Oddities[random.Next(Oddities.Length)] + RandomText(random.Next(1, 20))),
    };

    public string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x2FFF),
                2 => "<>&\"'\\/{}[]#?%"[random.Next(14)],
                _ => (char)random.Next(32, 127),
            });
        }

        return builder.ToString();
    }

    /// <summary>Printable ASCII only: what a header can carry at all (the client refuses anything else).</summary>
    public string RandomHeaderText(int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(33, 127))]);

    private JsonNode? EditSomewhere(JsonNode? root)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        if (containers.Count == 0 || random.Next(25) == 0)
        {
            return AnyValue();
        }

        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject o when o.Count > 0 && random.Next(4) != 0:
                var key = o.ElementAt(random.Next(o.Count)).Key;
                if (random.Next(3) == 0) o.Remove(key);
                else o[key] = AnyValue();
                break;
            case JsonObject o:
                o[random.Next(3) == 0 ? RandomText(random.Next(1, 12)) : "x" + random.Next(100)] = AnyValue();
                break;
            case JsonArray a when a.Count > 0 && random.Next(2) == 0:
                var index = random.Next(a.Count);
                if (random.Next(2) == 0) a.RemoveAt(index);
                else a[index] = AnyValue();
                break;
            case JsonArray a:
                a.Add(AnyValue());
                break;
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject o:
                into.Add(o);
                foreach (var (_, child) in o) Collect(child, into);
                break;
            case JsonArray a:
                into.Add(a);
                foreach (var child in a) Collect(child, into);
                break;
        }
    }

    private JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private string BreakText(string text) => random.Next(5) switch
    {
        0 => text[..random.Next(text.Length + 1)],
        1 => text.Length == 0 ? "{" : text.Remove(random.Next(text.Length), 1).Insert(random.Next(text.Length - 1 + 1), RandomText(1)),
        2 => RandomText(random.Next(0, 200)),
        3 => text + text,
        _ => "",
    };
}
