using AiPolicyBot.Conversations;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Teams.Protocol;

namespace AiPolicyBot.Hosting;

/// <summary>The Teams channel: protocol, connector, dispatcher, conversation references, POST /api/messages.</summary>
public static class TeamsPart
{
    public static IServiceCollection AddTeamsPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsProtocol(configuration);
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<MessagesEndpoint>();
        return services;
    }
}
