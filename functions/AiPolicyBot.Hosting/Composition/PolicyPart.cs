using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting;

/// <summary>The policy part: academies, the register cache, policy evaluation and register search.</summary>
public static class PolicyPart
{
    public static IServiceCollection AddPolicyPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AcademyOptions>(o => configuration.GetSection(AcademyOptions.Section).Bind(o.Items));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));

        // Until durable storage registers its Table store, the register lives in memory (seeded with the demo).
        services.TryAddSingleton<IRegisterStore, InMemoryRegisterStore>();
        // The demo register is written into an empty store only in Development; anywhere else the register starts
        // empty and the bot says it is not set up yet (docs/register-admin.md).
        services.TryAddSingleton(sp => new RegisterCache(
            sp.GetRequiredService<IRegisterStore>(),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(configuration.GetValue("Register:RefreshSeconds", 300)),
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment() ? DemoRegister.Entries : null));

        services.TryAddSingleton<PolicyEvaluateEndpoint>();
        services.TryAddSingleton<RegisterSearchEndpoint>();
        services.TryAddSingleton<AdminKeyFilter>();
        return services;
    }

    /// <summary>The admin routes of this part, behind the admin key (local host; Functions uses function keys).</summary>
    public static IEndpointRouteBuilder MapPolicyRoutes(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").AddEndpointFilter<AdminKeyFilter>();
        admin.MapPost("/policy/evaluate", (HttpRequest req, PolicyEvaluateEndpoint e, CancellationToken ct) => e.HandleAsync(req, ct));
        admin.MapGet("/register/search", (HttpRequest req, RegisterSearchEndpoint e, CancellationToken ct) => e.HandleAsync(req, ct));
        return api;
    }
}
