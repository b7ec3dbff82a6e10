using System.Reflection;

namespace AiPolicyBot.Hosting;

/// <summary>GET /api/health: liveness for anyone (docs/spec/http-api.md). 200 and the version; touches no storage.</summary>
public sealed class HealthEndpoint
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    public Ok<HealthStatus> Handle() => TypedResults.Ok(new HealthStatus("ok", Version));
}

/// <summary>The health answer: <c>{ "status": "ok", "version": "…" }</c>.</summary>
public sealed record HealthStatus(string Status, string Version);
