using System.Reflection;
using AiPolicyBot.Functions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>The Functions app and the local host serve the same HTTP routes with the same methods.</summary>
public class RouteParityTests
{
    /// <summary>"POST /api/policy/evaluate" for every method of every [HttpTrigger] in the Functions app.</summary>
    private static SortedSet<string> FunctionsRoutes()
    {
        var triggers = typeof(HttpFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>();
        return new(triggers.SelectMany(t => (t.Methods ?? []).Select(m => $"{m.ToUpperInvariant()} /api/{t.Route}")), StringComparer.Ordinal);
    }

    private static SortedSet<string> LocalHostRoutes(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return new(endpoints.SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            .Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}")), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_functions_triggers_and_the_local_host_declare_the_same_routes()
    {
        await using var host = new LocalHostFactory();
        _ = host.Server; // builds the app and its endpoints
        var functions = FunctionsRoutes();
        var local = LocalHostRoutes(host.Services);

        Assert.Contains("POST /api/messages", functions);
        Assert.Contains("HEAD /api/messages", functions);
        Assert.Contains("GET /api/register/search", local);
        Assert.Equal(functions, local);
    }
}
