using AiPolicyBot.Teams.MessageExtension;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The message extension (Teams and Outlook): search, request and message actions. Tool demand is counted by the
/// storage part's durable counter.
/// </summary>
public static class MessageExtensionPart
{
    public static IServiceCollection AddMessageExtensionPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMessageExtension(configuration);
        return services;
    }
}
