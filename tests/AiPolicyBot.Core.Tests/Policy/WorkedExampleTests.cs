using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using static AiPolicyBot.Core.Tests.Policy.TestIntakes;
using static AiPolicyBot.Testing.Requests.IntakeSamples;

namespace AiPolicyBot.Core.Tests.Policy;

/// <summary>Every worked example of docs/policy-and-register.md, with the full expected outcome.</summary>
public class WorkedExampleTests
{
    private const string E2Conditions = "DPA_REQUIRED,DPIA_REQUIRED,REVIEW_12_MONTHS,TRAINING_BEFORE_FIRST_USE,TRUST_ACCOUNT_ONLY,VENDOR_TRAINING_OFF";
    private const string E1Conditions = "HUMAN_REVIEW_OF_OUTPUTS,IP_NO_PUPIL_WORK,NO_PERSONAL_OR_SENSITIVE_DATA,REVIEW_12_MONTHS";
    private const string E3 = """{"dataCategories":["pupilWork","examResults"],"useCategory":"assessment","outputUse":"automaticActions","significantEffect":["grades"],"jcqAssessed":"staffMark","humanReview":"none"}""";
    private const string E4 = """{"dataCategories":["pupilWork","examResults"],"useCategory":"assessment","outputUse":"scoresAboutIndividuals","significantEffect":["grades"],"jcqAssessed":"staffMark","humanReview":"every","vendorTrainsOnInputs":"unknown"}""";
    private const string E6 = """{"users":"learners","youngestYearGroup":"Y5","vendorMinAge":13,"supervision":"supervised","outputUse":"ideas","useCategory":"learnerTutoring"}""";
    private const string E6b = """{"users":"staffAndLearners","youngestYearGroup":"Y5","vendorMinAge":13,"supervision":"supervised","outputUse":"ideas","useCategory":"learnerTutoring","vendorTrainsOnInputs":"no"}""";
    private const string E7 = """{"toolName":"Copilot","edition":"trustTenant","vendorTrainsOnInputs":"no"}""";
    private const string E7e = """{"toolName":"Copilot","edition":"trustTenant","vendorTrainsOnInputs":"no","dataCategories":["pupil"]}""";
    private const string E11 = """{"toolName":"ExampleMailAssistant","edition":"educationEnterprise","accessMode":"apiOrConsent","accountType":"trustSso","useCategory":"adminComms","dataCategories":["staff","parent"],"vendorTrainsOnInputs":"no","dpaAvailable":"yes","dataLocation":"uk"}""";
    private const string E12 = """{"toolName":"ExampleTutor","users":"staffAndLearners","youngestYearGroup":"Y7","vendorMinAge":10,"supervision":"supervised","outputUse":"ideas","useCategory":"learnerTutoring","vendorTrainsOnInputs":"no","filteringMonitoring":"unknown"}""";

    public static TheoryData<string, string, bool, string, string, string, string?> Examples => new()
    {
        // id, changes, trainingDone, tier, requiresItInstall+conditions, reasons "rule §;…", registerEntryId
        { "E1", "{}", false, "academyApproval", "false|" + E1Conditions, "R11-BROWSER 4.3", null },
        { "E2", """{"dataCategories":["pupil"],"useCategory":"adminComms"}""", false, "trustApproval", "false|" + E2Conditions, "R6-DATA 4.1", null },
        { "E3", E3, false, "prohibited", "false|", "R1-ADM 3.4;R4-JCQ 5.1", null },
        { "E4", E4, false, "trustApproval", "false|DPA_REQUIRED,DPIA_REQUIRED,EQUALITY_REVIEW,EXPLAINABILITY_RECORD,HUMAN_REVIEW,IP_CONSENT,JCQ_RULES,REVIEW_6_MONTHS,TRAINING_BEFORE_FIRST_USE,TRUST_ACCOUNT_ONLY,VENDOR_TRAINING_OFF", "R4-JCQ 5.1;R6-DATA 4.1;R7-DECISIONS 3.2", null },
        { "E5", """{"toolName":"ExampleWriter","edition":"paidIndividual","accessMode":"desktopApp","vendorTrainsOnInputs":"no"}""", false, "itInstall", "true|IT_MANAGED_DEPLOYMENT", "R10-INSTALL 4.3", null },
        { "E6", E6, false, "prohibited", "false|", "R3-AGE 5.1", null },
        { "E6b", E6b, false, "academyApproval", "false|HUMAN_REVIEW_OF_OUTPUTS,LEARNER_USE_PROHIBITED,NO_PERSONAL_OR_SENSITIVE_DATA,REVIEW_12_MONTHS", "R3-AGE 5.1;R11-BROWSER 4.3", null },
        { "E7", E7, false, "alreadyApproved", "false|TRAINING_BEFORE_FIRST_USE", "R5-APPROVED 3.1", "m365-copilot-chat" },
        { "E7b", E7, true, "alreadyApproved", "false|", "R5-APPROVED 3.1", "m365-copilot-chat" },
        { "E7c", """{"toolName":"Chat GPT"}""", false, "alreadyApproved", "false|NO_PERSONAL_OR_SENSITIVE_DATA", "R5-APPROVED 3.1", "chatgpt-free" },
        { "E7d", """{"toolName":"Chat GPT","dataCategories":["pupil"]}""", false, "trustApproval", "false|" + E2Conditions, "R6-DATA 4.1", null },
        { "E7e", E7e, false, "alreadyApproved", "false|TRAINING_BEFORE_FIRST_USE", "R5-APPROVED 3.1", "m365-copilot-chat" },
        { "E8", """{"dataCategories":["unsure"],"vendorTrainsOnInputs":"unknown"}""", false, "trustApproval", "false|" + E2Conditions, "R6-DATA 4.1", null },
        { "E9", """{"declNoDataYet":false}""", false, "academyApproval", "false|HUMAN_REVIEW_OF_OUTPUTS,IP_NO_PUPIL_WORK,NO_PERSONAL_OR_SENSITIVE_DATA,POSSIBLE_INCIDENT_REVIEW,REVIEW_12_MONTHS", "R0-DECLARATION 3.1;R11-BROWSER 4.3", null },
        { "E10", """{"toolName":"Grammarly","accessMode":"browserExtension"}""", false, "prohibited", "false|", "R2-DECLINED 3.4", "grammarly-ext" },
        { "E10b", """{"toolName":"Grammarly","accessMode":"browserExtension","requestType":"renewal"}""", false, "trustApproval", "true|IT_MANAGED_DEPLOYMENT,TRAINING_BEFORE_FIRST_USE", "R2-DECLINED 3.4;R10-INSTALL 4.3", "grammarly-ext" },
        { "E10c", """{"toolName":"Grammarly"}""", false, "prohibited", "false|", "R2-DECLINED 3.4", "grammarly-ext" },
        { "E11", E11, false, "trustApproval", "true|DPIA_REQUIRED,IT_MANAGED_DEPLOYMENT,LEAST_PRIVILEGE_SCOPES,REVIEW_12_MONTHS,TRAINING_BEFORE_FIRST_USE,TRUST_ACCOUNT_ONLY", "R6-DATA 4.1;R9-TENANT 4.1;R10-INSTALL 4.3", null },
        { "E12", E12, false, "trustApproval", "false|DPIA_REQUIRED,MIN_AGE,PRIVACY_NOTICE_UPDATE,REVIEW_6_MONTHS,SAFEGUARDING_FILTERING,SUPERVISED_USE,TRAINING_BEFORE_FIRST_USE", "R8-LEARNER 4.1", null },
        { "E13", """{"accessMode":"featureOfApprovedProduct","vendorTrainsOnInputs":"no"}""", false, "trustApproval", "false|TRAINING_BEFORE_FIRST_USE", "R12-FALLBACK 3.4", null },
        { "E14", """{"protectedCharacteristicImpact":"unsure","vendorTrainsOnInputs":"no"}""", false, "academyApproval", "false|EQUALITY_REVIEW,HUMAN_REVIEW_OF_OUTPUTS,NO_PERSONAL_OR_SENSITIVE_DATA,REVIEW_12_MONTHS", "R7-DECISIONS 3.3;R11-BROWSER 4.3", null },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Worked_example_gives_the_specified_outcome(string id, string changes, bool trainingDone, string tier,
        string installAndConditions, string reasons, string? registerEntryId)
    {
        var outcome = Route(Parse(With(changes)), trainingDone: trainingDone);
        AssertOutcome(id, outcome, tier, installAndConditions, reasons, registerEntryId);
    }

    internal static void AssertOutcome(string id, RoutingOutcome outcome, string tier, string installAndConditions,
        string reasons, string? registerEntryId)
    {
        var parts = installAndConditions.Split('|');
        Assert.Equal(tier, WireEnum<Tier>.Name(outcome.Tier));
        Assert.Equal(bool.Parse(parts[0]), outcome.RequiresItInstall);
        Assert.Equal(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries), outcome.Conditions);
        Assert.Equal(reasons.Split(';'), outcome.Reasons.Select(r => $"{r.Rule} {r.PolicySection}"));
        Assert.All(outcome.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), id));
        Assert.Equal(registerEntryId, outcome.RegisterEntryId);
        Assert.Equal(ApproverRoles.For(outcome.Tier), outcome.ApproverRoles);
    }

    [Fact]
    public void E1_serialises_to_the_contract_json()
    {
        var json = JsonSerializer.Serialize(Route(Parse(With())), AiPolicyJson.Options);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("academyApproval", root.GetProperty("tier").GetString());
        Assert.False(root.GetProperty("requiresItInstall").GetBoolean());
        Assert.Equal(["AcademyLeader"], root.GetProperty("approverRoles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(E1Conditions.Split(','), root.GetProperty("conditions").EnumerateArray().Select(e => e.GetString()));
        var reason = Assert.Single(root.GetProperty("reasons").EnumerateArray());
        Assert.Equal("R11-BROWSER", reason.GetProperty("rule").GetString());
        Assert.Equal("4.3", reason.GetProperty("policySection").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("registerEntryId").ValueKind);
        Assert.Equal(["tier", "requiresItInstall", "approverRoles", "conditions", "reasons", "registerEntryId"],
            root.EnumerateObject().Select(p => p.Name));
    }

    private const string WhatIfContext = """
        { "today": "2026-11-27", "trainingDone": false,
          "register": [ { "id": "chatgpt-free", "name": "ChatGPT", "status": "approvedNoPersonalData",
            "scope": { "users": "staff", "minYearGroup": null, "dataAllowed": false, "academies": "all", "useCategories": "all" },
            "conditions": ["NO_PERSONAL_OR_SENSITIVE_DATA"], "reviewBy": "2027-07-31" } ] }
        """;

    [Theory]
    [InlineData("E15", null, false, "alreadyApproved", "false|NO_PERSONAL_OR_SENSITIVE_DATA", "R5-APPROVED 3.1", "chatgpt-free")]
    [InlineData("E15b", "2027-08-01", false, "academyApproval", "false|" + E1Conditions, "R11-BROWSER 4.3", null)]
    [InlineData("E15c", null, true, "academyApproval", "false|" + E1Conditions, "R11-BROWSER 4.3", null)]
    public void What_if_examples_use_the_context(string id, string? today, bool emptyRegister, string tier,
        string installAndConditions, string reasons, string? registerEntryId)
    {
        var context = System.Text.Json.Nodes.JsonNode.Parse(WhatIfContext)!.AsObject();
        if (today is not null) context["today"] = today;
        if (emptyRegister) context["register"] = new System.Text.Json.Nodes.JsonArray();
        var body = new System.Text.Json.Nodes.JsonObject { ["intake"] = With("""{"toolName":"ChatGPT"}"""), ["context"] = context };
        var parsed = EvaluationRequestParser.Parse(JsonDocument.Parse(body.ToJsonString()).RootElement, Parser);
        Assert.True(parsed.Succeeded);
        var request = parsed.Value!;
        var outcome = Route(request.Intake, new RegisterSnapshot(request.Register!), request.TrainingDone ?? false, request.Today);
        AssertOutcome(id, outcome, tier, installAndConditions, reasons, registerEntryId);
    }
}
