using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Common;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Tests.Cards;

/// <summary>
/// Validates card JSON with the official adaptivecards JS library through tools/cards/validate-cards.js: one node
/// process per batch (start-up is the cost, ~0.1 s), so give it every card of a test class at once.
/// </summary>
public static class CardValidator
{
    public sealed record Problem(string Code, string Message, string? Path)
    {
        public override string ToString() => Path is null ? $"{Code}: {Message}" : $"{Code} at {Path}: {Message}";
    }

    public sealed record Result(string Name, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings);

    /// <summary>Validates named cards built with the model; fails the test listing every error of every card.</summary>
    public static async Task AssertAllValidAsync(IEnumerable<(string Name, AdaptiveCard Card)> cards)
    {
        var results = await ValidateAsync(cards.Select(c => (c.Name, c.Card.ToJson())));
        var failures = results.Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Name}:\n  " + string.Join("\n  ", r.Errors)).ToList();
        Assert.True(failures.Count == 0, "Cards failed Adaptive Card validation:\n" + string.Join("\n", failures));
    }

    /// <summary>Validates raw card JSON strings (one node run for the whole batch), in input order.</summary>
    public static async Task<IReadOnlyList<Result>> ValidateAsync(IEnumerable<(string Name, string Json)> cards)
    {
        var batch = new JsonArray();
        foreach (var (name, json) in cards)
            batch.Add(new JsonObject { ["name"] = name, ["card"] = JsonNode.Parse(json) });
        if (batch.Count == 0) throw new ArgumentException("No cards to validate.", nameof(cards));

        var root = RepoRoot();
        var script = Path.Combine(root, "tools", "cards", "validate-cards.js");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "adaptivecards")))
            throw new InvalidOperationException(
                $"node_modules/adaptivecards is missing in {root}: run `npm ci` (tools/test.sh does) before the card tests.");

        var psi = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var node = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(batch.ToJsonString());
        node.StandardInput.Close();
        await node.WaitForExitAsync();

        // 0 = all valid, 1 = some card has errors; anything else means the validator itself failed.
        if (node.ExitCode is not (0 or 1))
            throw new InvalidOperationException($"validate-cards.js exited {node.ExitCode}: {await stderr}");

        var results = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Result>(line, AiPolicyJson.Options)!)
            .ToList();
        if (results.Count != batch.Count)
            throw new InvalidOperationException($"Expected {batch.Count} results, got {results.Count}: {await stderr}");
        return results;
    }

    /// <summary>The repository root: the nearest parent folder holding AiPolicyBot.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiPolicyBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"AiPolicyBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
