using AiPolicyBot.Common;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Every error answer of the HTTP API, in one form: RFC 9457 problem details (application/problem+json) made by the
/// framework's <see cref="TypedResults.Problem(Microsoft.AspNetCore.Mvc.ProblemDetails)"/>. Bad input is the
/// framework's validation problem: a status, a title and <c>errors</c> keyed by field (<c>{ "q": ["is required"] }</c>).
/// Success bodies keep the contracts of docs/spec/http-api.md.
/// </summary>
public static class ApiProblems
{
    /// <summary>400 (or the refusal's own status) naming every bad field.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors, string title = "The request is not valid.",
        int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(ByField(errors)) { Title = title, Status = status });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>413: a body over the route's limit (<see cref="RequestBody"/>), on every route alike.</summary>
    public static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        title: "The request body is too large.",
        detail: $"The request body must be at most {limit} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>401. <paramref name="detail"/> only where it helps a legitimate caller; the channel's says nothing.</summary>
    public static ProblemHttpResult Unauthorized(string? detail = null) =>
        TypedResults.Problem(title: "Not authenticated.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Forbidden(string? detail = null) =>
        TypedResults.Problem(title: "Forbidden.", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Temporarily unavailable.", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>500: something failed on our side; the log has the exception, the answer has nothing of it.</summary>
    public static ProblemHttpResult Failed() =>
        TypedResults.Problem(title: "The request could not be handled.", statusCode: StatusCodes.Status500InternalServerError);

    private static Dictionary<string, string[]> ByField(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
