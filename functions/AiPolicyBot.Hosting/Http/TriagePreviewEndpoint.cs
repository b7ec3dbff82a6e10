using AiPolicyBot.Common;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/triage/preview (docs/spec/http-api.md): classifies one email and changes nothing — no record, no reply,
/// no mail moved, and nothing logged from the mail itself. Bad input → 400 with the field names.
/// </summary>
public sealed class TriagePreviewEndpoint(TriageClassifierProvider classifier)
{
    public Results<JsonHttpResult<TriageResult>, ProblemHttpResult> Handle(TriagePreviewRequest request) =>
        request.Mail is { } mail
            ? TypedResults.Json(classifier.Classifier.Classify(mail), AiPolicyJson.Options)
            : request.Problem!;
}
