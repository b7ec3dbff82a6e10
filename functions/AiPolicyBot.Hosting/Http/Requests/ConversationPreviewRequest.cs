using System.Reflection;
using System.Text.Json;
using AiPolicyBot.Common;

namespace AiPolicyBot.Hosting;

/// <summary>
/// POST /api/conversation/preview's body, read (<see cref="RequestBody"/>) and validated once
/// (docs/spec/conversation-preview.md): text a string of at most 4,000 characters (required); academy a short string
/// (optional, the asker's academy).
/// </summary>
public sealed record ConversationPreviewRequest(string? Text, string? Academy, ProblemHttpResult? Problem)
    : IBindableFromHttpContext<ConversationPreviewRequest>
{
    public const int MaxTextLength = 4_000;
    public const int MaxAcademyLength = 100;

    public static async ValueTask<ConversationPreviewRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await BindAsync(context.Request, context.RequestAborted);

    public static async Task<ConversationPreviewRequest> BindAsync(HttpRequest request, CancellationToken ct)
    {
        var (document, problem) = await RequestBody.ReadJsonAsync(request, RequestBody.AdminJsonBytes, "$", ct);
        if (problem is not null) return new ConversationPreviewRequest(null, null, problem);
        using (document) return Read(document!.RootElement);
    }

    public static ConversationPreviewRequest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return new(null, null, ApiProblems.Invalid("$", "The body must be a JSON object."));
        var errors = new List<FieldError>();
        string? text = null, academy = null;
        if (!root.TryGetProperty("text", out var t) || t.ValueKind == JsonValueKind.Null) errors.Add(new("text", "is required"));
        else if (t.ValueKind != JsonValueKind.String) errors.Add(new("text", "must be a string"));
        else if ((text = t.GetString()!).Length > MaxTextLength) errors.Add(new("text", $"must be at most {MaxTextLength} characters"));
        if (root.TryGetProperty("academy", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind != JsonValueKind.String) errors.Add(new("academy", "must be a string"));
            else if ((academy = a.GetString()!).Length > MaxAcademyLength) errors.Add(new("academy", $"must be at most {MaxAcademyLength} characters"));
        }
        return new(errors.Count == 0 ? text : null, academy, errors.Count == 0 ? null : ApiProblems.Invalid(errors));
    }
}
