using System.Globalization;
using System.Reflection;
using AiPolicyBot.Common;

namespace AiPolicyBot.Hosting;

/// <summary>GET /api/register/search?q=TEXT&amp;top=N, bound and validated once (the field errors make it a 400).</summary>
public sealed record RegisterSearchQuery(string Q, int Top, IReadOnlyList<FieldError> Errors) : IBindableFromHttpContext<RegisterSearchQuery>
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;
    public const int MaxQueryLength = 200;

    public static ValueTask<RegisterSearchQuery?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<RegisterSearchQuery?>(Bind(context.Request));

    public static RegisterSearchQuery Bind(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var q = request.Query["q"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(q)) errors.Add(new FieldError("q", "is required: the tool name to search for"));
        else if (q.Length > MaxQueryLength) errors.Add(new FieldError("q", $"must be at most {MaxQueryLength} characters"));
        var top = DefaultTop;
        var topText = request.Query["top"].FirstOrDefault();
        if (topText is not null && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxTop))
            errors.Add(new FieldError("top", $"must be a whole number from 1 to {MaxTop}"));
        return new RegisterSearchQuery(q ?? "", top, errors);
    }
}
