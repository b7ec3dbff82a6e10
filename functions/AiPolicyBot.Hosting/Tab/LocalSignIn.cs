using System.Net;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Tab;

/// <summary>
/// The Development-only sign-in as a demo person (docs/register-tab.md): the page sends the person's id in
/// <see cref="HeaderName"/>. Honoured only when Tab:LocalSignIn is on, the environment is Development (start-up
/// refuses the setting elsewhere) and the caller is on loopback without a forwarding proxy in between.
/// </summary>
public sealed class LocalSignIn(IOptions<TabOptions> options, IHostEnvironment environment)
{
    public const string HeaderName = "X-AiPolicyBot-Local-User";

    public bool Enabled { get; } = options.Value.LocalSignIn && environment.IsDevelopment();

    public IReadOnlyList<LocalPerson> People => Enabled ? options.Value.LocalPeople : [];

    public SignedInCaller? TryGet(HttpContext context)
    {
        if (!Enabled || context.Request.Headers[HeaderName].FirstOrDefault() is not { Length: > 0 } id) return null;
        if (!IsLoopback(context)) return null;
        var person = options.Value.LocalPeople.FirstOrDefault(p => p.Id == id);
        return person is null ? null
            : new SignedInCaller(person.Id, person.Name, "local", person.Roles.ToHashSet(StringComparer.Ordinal));
    }

    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");
}
