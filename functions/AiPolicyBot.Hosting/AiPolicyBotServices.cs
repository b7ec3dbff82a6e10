using AiPolicyBot.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting;

/// <summary>The one composition root. Both hosts call <see cref="AddAiPolicyBot"/> and nothing else.</summary>
public static class AiPolicyBotServices
{
    public static IServiceCollection AddAiPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<PolicyOptions>(configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton<HealthEndpoint>();
        return services;
    }
}
