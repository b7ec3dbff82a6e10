using System.Text.Json.Serialization;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Hosting;

/// <summary>GET /api/register/search?q=TEXT&amp;top=N (contracts.md §5): best matches first, from the cached snapshot.</summary>
public sealed class RegisterSearchEndpoint(RegisterCache register, ILogger<RegisterSearchEndpoint> logger)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;
    public const int MaxQueryLength = 200;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var q = request.Query["q"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(q)) errors.Add(new FieldError("q", "is required: the tool name to search for"));
        else if (q.Length > MaxQueryLength) errors.Add(new FieldError("q", $"must be at most {MaxQueryLength} characters"));
        var top = DefaultTop;
        var topText = request.Query["top"].FirstOrDefault();
        if (topText is not null && (!int.TryParse(topText, System.Globalization.NumberStyles.None, null, out top) || top < 1 || top > MaxTop))
            errors.Add(new FieldError("top", $"must be a whole number from 1 to {MaxTop}"));
        if (errors.Count > 0) return FieldErrorResults.BadRequest(errors);

        RegisterSnapshot snapshot;
        try { snapshot = await register.GetAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The register could not be loaded");
            return Results.Json(new { error = "The register is not available; try again shortly." },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var hits = snapshot.Search.Search(q!, top).Select(h => new RegisterSearchResult(
            h.Entry.Id, h.Entry.Name, h.Entry.Vendor, h.Entry.Edition, h.Entry.Status, h.Score));
        return Results.Json(hits.ToList(), AiPolicyJson.Options);
    }
}

/// <summary>One search result, exactly the contracts.md §5 shape (vendor and edition written even when unknown).</summary>
public sealed record RegisterSearchResult(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Vendor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Edition? Edition,
    RegisterStatus Status,
    double Score);
