using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiPolicyBot.Application.Requests;
using AiPolicyBot.Testing.Cost;
using AiPolicyBot.Testing.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Walk;

/// <summary>
/// An approve click to its outbox row: three requests submitted as the wizard would (trust-wide with pupil data, so
/// the CIO decides among others), a warm-up click on the first, then WALK_CLICKS approve clicks (Action.Execute,
/// verb approval.approve, by the CIO) on the next ones through POST /api/messages of the real local host. Each click
/// commits its request and the Decided event's outbox row and queues the event (docs/architecture.md, "An approve
/// click, to the outbox row"); the follow-up is the queue's, not the click's. count-walk.sh with WALK_CASE=click runs
/// it with one measured click and with two; the lines run more often the second time are one click's.
/// </summary>
public sealed class WalkClicks
{
    private const string Cio = StorageRig.Cio;

    [Fact]
    public async Task Approve_clicks_commit_their_decision_and_its_event()
    {
        await using var host = new WalkHost(new Dictionary<string, string?>
        {
            ["Approvers:CIO"] = Cio,
            ["Approvers:CDO"] = StorageRig.Cdo,
            ["Approvers:DPO"] = StorageRig.Dpo,
        });
        using var client = host.CreateClient();
        var submission = host.Services.GetRequiredService<RequestSubmission>();
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = await submission.SubmitAsync(new SubmissionCommand("walk-" + i, "00000000-0000-4000-8000-0000000000a1", "Megan Bowen",
                IntakeSamples.Submitted("ExampleChat " + i, "pupil")), default);
            references.Add(result.Request!.Reference);
        }

        await ClickAsync(client, references[0]);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the host's background warm-up, so only the measured clicks differ
        var clicks = int.Parse(Environment.GetEnvironmentVariable("WALK_CLICKS") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= clicks; i++) await ClickAsync(client, references[i]);
    }

    private static async Task ClickAsync(HttpClient client, string reference)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", Invoke(reference));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your approval was recorded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject Invoke(string reference) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = $"http://127.0.0.1:{WalkHost.ConnectorPort}/",
        ["from"] = new JsonObject { ["id"] = "29:cio", ["name"] = "Chief Information Officer", ["aadObjectId"] = Cio },
        ["recipient"] = new JsonObject { ["id"] = "28:" + WalkHost.BotAppId, ["name"] = "AI Policy Helper" },
        ["conversation"] = new JsonObject { ["id"] = "a:walk-cio", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "approval.approve", ["data"] = new JsonObject { ["reference"] = reference } },
        },
    };
}
