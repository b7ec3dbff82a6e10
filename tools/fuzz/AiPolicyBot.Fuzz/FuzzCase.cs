using System.Text;
using System.Text.Json.Nodes;

namespace AiPolicyBot.Fuzz;

/// <summary>One generated input: an HTTP request for a route, or an .eml file for the drop folder.</summary>
public sealed record FuzzCase(int Index, string Target, string Method, string Path, IReadOnlyDictionary<string, string> Headers,
    byte[] Body, string? ContentType, bool Chunked)
{
    public string Describe() =>
        $"case {Index} ({Target}): {Method} {Path}\n" + string.Concat(Headers.Select(h => $"{h.Key}: {h.Value}\n"))
        + (ContentType is null ? "" : $"Content-Type: {ContentType}\n") + (Chunked ? "Transfer-Encoding: chunked\n" : "")
        + $"\n{Encoding.UTF8.GetString(Body)}";
}

/// <summary>
/// Case <c>i</c> of seed <c>s</c> is the same on every run and machine: each case has its own <see cref="Random"/>
/// seeded from both, so a failure is replayed with <c>--seed s --only i</c>. Of every 20 cases, 11 go to
/// /api/messages, 5 to the admin routes, 3 to the Graph webhook and 1 to the drop folder.
/// </summary>
public sealed class CaseFactory(int seed, string serviceUrl, string adminKey, string clientState)
{
    private readonly IReadOnlyList<JsonNode> _activities = Seeds.Activities(serviceUrl);

    public FuzzCase Create(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index)); // not HashCode: it differs per process
        var mutator = new Mutator(random);
        return (index % 20) switch
        {
            < 11 => Message(index, mutator),
            < 16 => Admin(index, mutator),
            < 19 => Graph(index, mutator),
            _ => Mail(index, mutator),
        };
    }

    private FuzzCase Message(int index, Mutator m)
    {
        var r = m.Random;
        var seedActivity = _activities[r.Next(_activities.Count)];
        var body = r.Next(8) == 0 ? seedActivity.ToJsonString() : m.Mutate(seedActivity);
        var headers = new Dictionary<string, string>();
        if (r.Next(10) == 0) headers["Authorization"] = r.Next(2) == 0 ? "Bearer " + m.RandomHeaderText(r.Next(1, 400)) : m.RandomHeaderText(r.Next(1, 40));
        var contentType = r.Next(12) switch { 0 => "text/plain", 1 => null, 2 => "application/json; charset=latin1", _ => "application/json" };
        return new(index, "messages", r.Next(40) == 0 ? "PUT" : "POST", "/api/messages", headers, Encoding.UTF8.GetBytes(body), contentType, r.Next(10) == 0);
    }

    private FuzzCase Admin(int index, Mutator m)
    {
        var r = m.Random;
        var headers = new Dictionary<string, string>();
        if (r.Next(10) != 0) headers["x-functions-key"] = adminKey;
        else if (r.Next(2) == 0) headers["x-functions-key"] = m.RandomHeaderText(r.Next(1, 64));
        switch (r.Next(3))
        {
            case 0:
                return new(index, "admin", "POST", "/api/policy/evaluate", headers, Encoding.UTF8.GetBytes(m.Mutate(Seeds.Intake())), "application/json", r.Next(6) == 0);
            case 1:
                return new(index, "admin", "POST", "/api/triage/preview", headers, Encoding.UTF8.GetBytes(m.Mutate(Seeds.TriagePreview())), "application/json", r.Next(6) == 0);
            default:
                var query = r.Next(4) switch
                {
                    0 => "q=" + Uri.EscapeDataString(m.RandomText(r.Next(0, 300))),
                    1 => "q=chat&skip=" + Uri.EscapeDataString(m.RandomText(r.Next(1, 8))) + "&top=" + r.Next(-5, 5000),
                    2 => "q=" + new string('a', r.Next(1000, 6000)),
                    _ => m.RandomText(r.Next(0, 60)).Replace("#", "%23"),
                };
                return new(index, "admin", "GET", "/api/register/search?" + query, headers, [], null, false);
        }
    }

    private FuzzCase Graph(int index, Mutator m)
    {
        var r = m.Random;
        var headers = new Dictionary<string, string>();
        switch (r.Next(6))
        {
            case 0:
                var token = r.Next(3) == 0 ? new string('t', r.Next(2000, 5000)) : m.RandomText(r.Next(0, 100));
                return new(index, "graph", "POST", "/api/graph/notifications?validationToken=" + Uri.EscapeDataString(token), headers, [], "text/plain", false);
            case 1:
                // Over the 1 MB limit, sent both with a length and chunked (no length to check up front).
                var big = Encoding.UTF8.GetBytes("{\"value\":[" + string.Join(",", Enumerable.Repeat(Seeds.Notifications(clientState)["value"]![0]!.ToJsonString(), 1024 * 1024 / 150 + 10)) + "]}");
                return new(index, "graph", "POST", "/api/graph/notifications", headers, big, "application/json", r.Next(2) == 0);
            default:
                var state = r.Next(3) == 0 ? m.RandomText(r.Next(0, 40)) : clientState;
                return new(index, "graph", "POST", "/api/graph/notifications", headers, Encoding.UTF8.GetBytes(m.Mutate(Seeds.Notifications(state))), "application/json", r.Next(4) == 0);
        }
    }

    private static FuzzCase Mail(int index, Mutator m)
    {
        var r = m.Random;
        var eml = Seeds.Eml(index);
        var lines = eml.Split("\r\n").ToList();
        var edits = 1 + r.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var at = r.Next(lines.Count);
            switch (r.Next(7))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, m.RandomText(r.Next(1, 200))); break;
                case 2: lines.Insert(at, "Content-Type: multipart/mixed; boundary=\"" + m.RandomText(r.Next(1, 70)) + "\""); break;
                case 3: lines.Add(string.Concat(Enumerable.Repeat("\r\n", r.Next(1000, 20_000)))); break;
                case 4: lines.Add(string.Concat(Enumerable.Repeat("<br><", r.Next(1000, 20_000)))); break;
                case 5: lines.Insert(at, "Content-Transfer-Encoding: " + (r.Next(2) == 0 ? "base64" : "quoted-printable")); break;
                default: lines[at] = new string('x', r.Next(1000, 100_000)); break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        if (r.Next(8) == 0) bytes = bytes[..r.Next(bytes.Length + 1)];
        return new(index, "mail", "DROP", $"inbox/fuzz-{index:D6}.eml", new Dictionary<string, string>(), bytes, null, false);
    }
}
