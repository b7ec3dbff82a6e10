using System.Text.Json.Serialization;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Hosting;

/// <summary>GET /api/register/search?q=TEXT&amp;top=N (docs/spec/http-api.md): best matches first, from the cached snapshot.</summary>
public sealed class RegisterSearchEndpoint(RegisterCache register, ILogger<RegisterSearchEndpoint> logger)
{
    public async Task<Results<JsonHttpResult<List<RegisterSearchResult>>, ProblemHttpResult>> HandleAsync(RegisterSearchQuery query, CancellationToken ct)
    {
        if (query.Errors.Count > 0) return ApiProblems.Invalid(query.Errors);

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

        var hits = snapshot.Search.Search(query.Q, query.Top).Select(h => new RegisterSearchResult(
            h.Entry.Id, h.Entry.Name, h.Entry.Vendor, h.Entry.Edition, h.Entry.Status, h.Score));
        return TypedResults.Json(hits.ToList(), AiPolicyJson.Options);
    }
}

/// <summary>One search result, exactly the shape of docs/spec/http-api.md (vendor and edition written even when unknown).</summary>
public sealed record RegisterSearchResult(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Vendor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Edition? Edition,
    RegisterStatus Status,
    double Score);
