using AiPolicyBot.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Every error answer of the HTTP API as RFC 9457 problem details (application/problem+json): a status, a title, and
/// for bad input an <c>errors</c> list naming each field (<c>[{ "field", "message" }]</c>). Success bodies keep the
/// contracts of docs/spec/http-api.md.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors) => TypedResults.Problem(
        title: "The request is not valid.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>The triage preview's form of a 400: the errors keyed by field (what its callers read).</summary>
    public static ValidationProblem InvalidByField(IEnumerable<FieldError> errors, string title) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: title);

    /// <summary>413: a body over the route's limit (the channel's answer; admin routes answer 400 naming the body).</summary>
    public static ProblemHttpResult TooLarge(string field, int limit) => TypedResults.Problem(
        title: "The request body is too large.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new FieldError(field, $"larger than {limit} bytes") } });

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Not authenticated.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Temporarily unavailable.", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
