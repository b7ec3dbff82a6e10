using System.Text.Json.Nodes;

namespace AiPolicyBot.Fuzz;

/// <summary>Well-formed requests of every kind the edges accept; the mutator starts from these.</summary>
public static class Seeds
{
    public const string TenantId = "7a7a7a7a-0000-4000-8000-00000000ee11";

    public static IReadOnlyList<JsonNode> Activities(string serviceUrl)
    {
        JsonObject Activity(string type, string? name = null, string? text = null, JsonNode? value = null, string conversation = "a:fuzz-personal")
        {
            var activity = new JsonObject
            {
                ["type"] = type,
                ["id"] = "1485983408511",
                ["channelId"] = "msteams",
                ["serviceUrl"] = serviceUrl,
                ["timestamp"] = "2026-12-07T10:00:00.000Z",
                ["locale"] = "en-GB",
                ["from"] = new JsonObject { ["id"] = "29:fuzz-user", ["name"] = "Fuzz User", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000020" },
                ["recipient"] = new JsonObject { ["id"] = "28:fuzz-bot", ["name"] = "AiPolicyBot" },
                ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = TenantId },
                ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            };
            if (name is not null) activity["name"] = name;
            if (text is not null) activity["text"] = text;
            if (value is not null) activity["value"] = value;
            return activity;
        }

        JsonObject CardAction(string verb, JsonObject data) => new()
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };

        return
        [
            Activity("message", text: "can I use ChatGPT to write lesson plans?"),
            Activity("message", text: "help"),
            Activity("message", text: "pendingApprovals"),
            Activity("message", text: "I want approval for a new tool called QuizBot"),
            Activity("message", value: new JsonObject { ["verb"] = "startRequest", ["toolName"] = "QuizBot" }),
            Activity("invoke", "adaptiveCard/action", value: CardAction("approval.approve", new JsonObject { ["reference"] = "AIP-2026-0001" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("approval.reject", new JsonObject { ["reference"] = "AIP-2026-0001", ["rejectReason"] = "no" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("approval.refresh", new JsonObject { ["reference"] = "AIP-2026-0001" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("approval.askInformation", new JsonObject { ["reference"] = "AIP-2026-0001", ["question"] = "why?" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("approval.answer", new JsonObject { ["reference"] = "AIP-2026-0001", ["answer"] = "because" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("submitRequest", new JsonObject { ["toolName"] = "QuizBot", ["purpose"] = "quizzes" })),
            Activity("invoke", "adaptiveCard/action", value: CardAction("triage.confirm", new JsonObject { ["recordId"] = "x" })),
            Activity("invoke", "composeExtension/query", value: new JsonObject
            {
                ["commandId"] = "searchTools",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchQuery", ["value"] = "chat" }),
                ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            }),
            Activity("invoke", "composeExtension/fetchTask", value: new JsonObject { ["commandId"] = "requestFromMessage", ["messagePayload"] = new JsonObject { ["body"] = new JsonObject { ["content"] = "use Gemini?" } } }),
            Activity("invoke", "composeExtension/submitAction", value: new JsonObject { ["commandId"] = "requestApproval", ["data"] = new JsonObject { ["toolName"] = "QuizBot" } }),
            Activity("invoke", "task/fetch", value: new JsonObject { ["data"] = new JsonObject { ["verb"] = "startRequest" } }),
            With(Activity("conversationUpdate"), "membersAdded", new JsonArray(new JsonObject { ["id"] = "28:fuzz-bot" })),
            With(Activity("installationUpdate"), "action", "add"),
            Activity("messageReaction"),
        ];
    }

    public static JsonNode Intake() => JsonNode.Parse("""
        { "requestType": "newTool", "academyId": "academy-a", "role": "teacher", "toolName": "ExampleChat",
          "edition": "freeConsumer", "accessMode": "webBrowser",
          "purpose": "Draft a Year 9 history quiz from made-up source material.",
          "useCategory": "lessonPlanning", "users": "staff", "dataCategories": ["none"],
          "vendorTrainsOnInputs": "yes", "outputUse": "draftsEdited", "declNoDataYet": true, "declReadPolicy": true }
        """)!;

    public static JsonNode TriagePreview() => JsonNode.Parse("""
        { "from": "j.smith@academy.example", "to": "information.assurance@trust.example",
          "subject": "Re: [AIP-2026-0042] Report writing",
          "body": "Hello,\n\nCan we use an AI tool to draft pupil reports?\n\n> earlier text\n\nThanks",
          "headers": { "Authentication-Results": "spf=pass" } }
        """)!;

    public static JsonNode Notifications(string clientState) => new JsonObject
    {
        ["value"] = new JsonArray(new JsonObject
        {
            ["subscriptionId"] = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
            ["clientState"] = clientState,
            ["changeType"] = "created",
            ["resource"] = "Users/ia@trust.example/Messages/AAMk",
            ["tenantId"] = TenantId,
        }),
    };

    public static string Eml(int n) => $"""
        From: Jo Smith <j.smith@academy.example>
        To: information.assurance@trust.example
        Subject: Fuzz mail {n}: can we use ChatGPT?
        Message-ID: <fuzz-{n}@academy.example>
        Date: Mon, 7 Dec 2026 10:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello, we would like to use ChatGPT with pupil names for reports.
        Thanks, Jo
        """.Replace("\n", "\r\n");

    private static JsonObject With(JsonObject o, string key, JsonNode value)
    {
        o[key] = value;
        return o;
    }
}
