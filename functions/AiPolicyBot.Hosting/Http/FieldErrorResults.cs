using AiPolicyBot.Common;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting;

/// <summary>The one 400 shape for bad input: <c>{ "errors": [ { "field": "...", "message": "..." } ] }</c>.</summary>
public static class FieldErrorResults
{
    public static IResult BadRequest(IEnumerable<FieldError> errors) =>
        Results.Json(new { errors = errors.ToList() }, AiPolicyJson.Options, statusCode: StatusCodes.Status400BadRequest);

    public static IResult BadRequest(string field, string message) => BadRequest([new FieldError(field, message)]);
}
