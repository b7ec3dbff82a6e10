using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Register;

namespace AiPolicyBot.Policy;

/// <summary>
/// The body of POST /api/policy/evaluate (docs/policy-and-register.md): a bare intake, or a what-if with a context. Every
/// context field is optional; null means "use the live value".
/// </summary>
public sealed record EvaluationRequest(
    Intake Intake,
    DateOnly? Today,
    bool? TrainingDone,
    IReadOnlyList<RegisterEntry>? Register);

public static class EvaluationRequestParser
{
    /// <summary>
    /// A body with an "intake" object is a what-if; anything else is read as the intake itself. Intake fields keep
    /// their contract names in errors (e.g. <c>accessMode</c>); context fields are prefixed (<c>context.today</c>).
    /// </summary>
    public static ParseResult<EvaluationRequest> Parse(JsonElement body, IntakeParser intakeParser)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return ParseResult<EvaluationRequest>.Fail([new FieldError("body", "must be a JSON object (an intake, or { intake, context })")]);

        var isWhatIf = body.TryGetProperty("intake", out var intakeJson);
        var errors = new List<FieldError>();
        var intake = intakeParser.Parse(isWhatIf ? intakeJson : body);
        if (isWhatIf && intakeJson.ValueKind != JsonValueKind.Object)
            errors.Add(new FieldError("intake", "must be a JSON object"));
        else errors.AddRange(intake.Errors);

        DateOnly? today = null;
        bool? trainingDone = null;
        List<RegisterEntry>? register = null;
        if (isWhatIf && body.TryGetProperty("context", out var context) && context.ValueKind != JsonValueKind.Null)
        {
            if (context.ValueKind != JsonValueKind.Object)
                errors.Add(new FieldError("context", "must be a JSON object"));
            else
            {
                var r = new JsonFieldReader(context, "context.", errors);
                today = r.Date("today", required: false);
                trainingDone = r.Bool("trainingDone", required: false);
                if (r.Raw("register") is { } reg)
                {
                    if (reg.ValueKind != JsonValueKind.Array) r.Error("register", "must be an array of register entries");
                    else
                    {
                        register = [];
                        var i = 0;
                        foreach (var item in reg.EnumerateArray())
                        {
                            var entry = RegisterEntryParser.Parse(item, $"context.register[{i++}].", errors);
                            if (entry is not null) register.Add(entry);
                        }
                    }
                }
            }
        }

        if (errors.Count > 0) return ParseResult<EvaluationRequest>.Fail(errors);
        return ParseResult<EvaluationRequest>.Ok(new EvaluationRequest(intake.Value!, today, trainingDone, register));
    }
}
