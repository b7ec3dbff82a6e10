using System.Reflection;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// The tab's page and its bundled scripts and styles, built by esbuild from tab/ and embedded in this assembly
/// (docs/register-tab.md), so both hosts serve the same files and nothing is fetched from a CDN. Teams, Outlook and
/// the Microsoft 365 app may frame the page; nothing else may.
/// </summary>
public static class TabAssets
{
    private static readonly Assembly Assembly = typeof(TabAssets).Assembly;
    private const string Prefix = "tab/";

    public const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft " +
        "https://*.office.com https://outlook.office.com https://outlook.office365.com https://*.microsoft365.com https://*.skype.com";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json",
    };

    /// <summary>True when the build embedded the page (esbuild ran; see docs/register-tab.md).</summary>
    public static bool Built => Assembly.GetManifestResourceInfo(Prefix + "index.html") is not null;

    public static Results<FileContentHttpResult, ProblemHttpResult> Get(string? path, HttpContext context)
    {
        if (!Built)
            return TypedResults.Problem(title: "The tab was not built",
                detail: "Run npm ci before building (docs/register-tab.md).", statusCode: StatusCodes.Status503ServiceUnavailable);
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        // Only flat, known file names: no traversal, no directory listing.
        if (name.Contains("..", StringComparison.Ordinal) || name.Contains('/') || name.Contains('\\')
            || !Types.TryGetValue(Path.GetExtension(name), out var type))
            return ApiProblems.NotFound();
        using var stream = Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null) return ApiProblems.NotFound();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; " + FrameAncestors;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = name == "index.html" ? "no-cache" : "public, max-age=300";
        return TypedResults.File(buffer.ToArray(), type);
    }
}
