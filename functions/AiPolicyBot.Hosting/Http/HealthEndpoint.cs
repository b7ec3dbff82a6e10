using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Hosting;

/// <summary>GET /api/health: liveness for anyone (contracts.md §7). 200 and the version; touches no storage.</summary>
public sealed class HealthEndpoint
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    public IResult Handle() => Results.Ok(new { status = "ok", version = Version });
}
