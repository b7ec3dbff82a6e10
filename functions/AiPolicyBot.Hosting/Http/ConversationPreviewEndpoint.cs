using System.Text.Json.Serialization;
using AiPolicyBot.Common;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/conversation/preview (docs/spec/conversation-preview.md): the bot's own understanding of one staff
/// message — intent, tool, confidence, clarifying candidates and filters. Changes nothing: no reply, no request, no
/// demand count, and the text is never logged. Bad input → 400 naming the field.
/// </summary>
public sealed class ConversationPreviewEndpoint(RegisterCache register, MessageUnderstanding understanding, ILogger<ConversationPreviewEndpoint> logger)
{
    public async Task<Results<JsonHttpResult<ConversationPreview>, ProblemHttpResult>> HandleAsync(ConversationPreviewRequest request, CancellationToken ct)
    {
        if (request.Text is not { } text) return request.Problem!;

        RegisterSnapshot snapshot;
        try
        {
            snapshot = await register.GetAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The register could not be loaded");
            return ApiProblems.Unavailable("The register is not available; try again shortly.");
        }
        var u = understanding.Understand(text, snapshot);
        return TypedResults.Json(new ConversationPreview(
            u.Intent.Label(), u.ToolLabel, Math.Round(u.Confidence, 3),
            u.Candidates.Select(c => c.Label()).ToList(), UnderstandingFilters.From(u)), AiPolicyJson.Options);
    }

    /// <summary>The response of the contract (camelCase by AiPolicyJson).</summary>
    public sealed record ConversationPreview(
        string Intent,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Tool, double Confidence, IReadOnlyList<string> Candidates, IReadOnlyDictionary<string, object> Filters);
}
