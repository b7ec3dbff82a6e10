using AiPolicyBot.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The one composition root. Both hosts call <see cref="AddAiPolicyBot"/> and nothing else. Each part of the product
/// registers itself in its own file under Composition/ (one Add… method per part), called from here.
/// </summary>
public static class AiPolicyBotServices
{
    public static IServiceCollection AddAiPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<PolicyOptions>(configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton<HealthEndpoint>();
        // Parts add one line each below, e.g. services.AddPolicyPart(configuration);
        services.AddPolicyPart(configuration);
        services.AddStoragePart(configuration);
        services.AddTriagePart(configuration);
        services.AddTeamsPart(configuration);
        services.AddMailPart(configuration);
        services.AddConversationPart(configuration);
        services.AddMessageExtensionPart(configuration);
        services.AddApprovalsPart(configuration);
        services.AddInboxPart(configuration);
        services.AddRetentionPart(configuration);
        return services;
    }
}
