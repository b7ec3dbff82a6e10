using System.Text.Json;
using AiPolicyBot.Policy;
using static AiPolicyBot.Core.Tests.Policy.TestIntakes;
using static AiPolicyBot.Testing.Requests.IntakeSamples;

namespace AiPolicyBot.Core.Tests.Policy;

public class ValidationTests
{
    private static IReadOnlyList<string> Fields(string changes, params string[] remove)
    {
        var node = With(changes);
        foreach (var r in remove) node.Remove(r);
        var result = Parser.Parse(JsonDocument.Parse(node.ToJsonString()).RootElement);
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        return result.Errors.Select(e => e.Field).ToList();
    }

    [Theory] // the four validation cases of docs/policy-and-register.md
    [InlineData("""{"declReadPolicy":false}""", "declReadPolicy")]
    [InlineData("""{"users":"learners"}""", "youngestYearGroup")]
    [InlineData("""{"dataCategories":[]}""", "dataCategories")]
    [InlineData("""{"accessMode":"website"}""", "accessMode")]
    [InlineData("""{"purpose":"too short"}""", "purpose")]
    [InlineData("""{"toolName":""}""", "toolName")]
    [InlineData("""{"toolUrl":"http://example.com"}""", "toolUrl")]
    [InlineData("""{"toolUrl":"example.com/x"}""", "toolUrl")]
    [InlineData("""{"vendorMinAge":22}""", "vendorMinAge")]
    [InlineData("""{"vendorMinAge":"13"}""", "vendorMinAge")]
    [InlineData("""{"academyId":"nowhere"}""", "academyId")]
    [InlineData("""{"declNoDataYet":"yes"}""", "declNoDataYet")]
    [InlineData("""{"dataCategories":["none","secret"]}""", "dataCategories")]
    [InlineData("""{"significantEffect":"grades"}""", "significantEffect")]
    [InlineData("""{"accessMode":"WebBrowser"}""", "accessMode")]
    public void One_bad_field_is_named(string changes, string field) => Assert.Equal([field], Fields(changes));

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var changes = $$"""{"role":"headteacher","purpose":"x","vendor":"{{new string('v', 101)}}","users":"learners","declReadPolicy":false}""";
        var fields = Fields(changes,
            "edition", "outputUse");
        Assert.Equal(["role", "vendor", "edition", "purpose", "youngestYearGroup", "outputUse", "declReadPolicy"], fields);
    }

    [Fact]
    public void Defaults_apply_unknown_keys_are_ignored_and_duplicates_dropped()
    {
        var intake = Parse(With("""{"dataCategories":["pupil","pupil","none"],"extra":{"x":1},"youngestYearGroup":"nonsense"}"""));
        Assert.Equal(JcqAssessed.No, intake.JcqAssessed);
        Assert.False(intake.AiProducesAssessedWork);
        Assert.Equal([SignificantEffect.None], intake.SignificantEffect);
        Assert.Equal(0, intake.VendorMinAge);
        Assert.Equal([DataCategory.Pupil, DataCategory.None], intake.DataCategories);
        Assert.Null(intake.YoungestYearGroup); // ignored for staff-only use
    }

    [Fact]
    public void What_if_context_errors_name_the_register_field()
    {
        var body = """{"intake":""" + With().ToJsonString() + ""","context":{"today":"27/11/2026","trainingDone":"no","register":[{"id":"x","name":"X","status":"approvedish","scope":{"users":"everyone","academies":5},"conditions":["MADE_UP"]}]}}""";
        var result = EvaluationRequestParser.Parse(JsonDocument.Parse(body).RootElement, Parser);
        Assert.False(result.Succeeded);
        Assert.Equal(["context.today", "context.trainingDone", "context.register[0].status", "context.register[0].conditions",
            "context.register[0].scope.users", "context.register[0].scope.academies"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_bare_intake_has_no_context()
    {
        var result = EvaluationRequestParser.Parse(JsonDocument.Parse(With().ToJsonString()).RootElement, Parser);
        Assert.True(result.Succeeded);
        Assert.Null(result.Value!.Register);
        Assert.Null(result.Value.Today);
        Assert.Null(result.Value.TrainingDone);
    }

    [Fact]
    public void Intake_errors_inside_a_what_if_keep_their_contract_names()
    {
        var body = """{"intake":""" + With("""{"accessMode":"website"}""").ToJsonString() + "}";
        var result = EvaluationRequestParser.Parse(JsonDocument.Parse(body).RootElement, Parser);
        Assert.Equal(["accessMode"], result.Errors.Select(e => e.Field));
    }
}
