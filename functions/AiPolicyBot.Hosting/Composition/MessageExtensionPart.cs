using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.MessageExtension;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The message extension (Teams and Outlook): search, request and message actions (issue 8), with tool demand
/// counted durably in the Counters table. Call after the storage, policy, Teams and conversation parts.
/// </summary>
public static class MessageExtensionPart
{
    public static IServiceCollection AddMessageExtensionPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<TableToolDemand>();
        services.TryAddSingleton<IToolDemand>(sp => sp.GetRequiredService<TableToolDemand>());
        services.AddMessageExtension(configuration);
        return services;
    }
}
