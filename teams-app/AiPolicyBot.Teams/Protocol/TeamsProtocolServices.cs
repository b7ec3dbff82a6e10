using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// Registers the hand-built Teams channel protocol: inbound auth, the connector client and the dispatcher. It holds no
/// handlers of its own: each part registers its own, one per key (e.g.
/// <c>services.AddSingleton&lt;ICardActionHandler, ApproveHandler&gt;()</c>), and exactly one <see cref="IMessageHandler"/>
/// comes from the conversation. A key registered twice stops the host at start-up (<see cref="HandlerRegistry"/>).
/// </summary>
public static class TeamsProtocolServices
{
    public static IServiceCollection AddTeamsProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Inbound
        services.AddHttpClient(BotKeySources.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<BotKeySources>();
        services.AddSingleton<LocalDevelopmentMode>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<BotRequestAuthenticator>();

        // Outbound (the connector client's retry and time limits: ConnectorRetryPolicy)
        services.AddConnectorHttpClient();
        services.AddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotOptions>>().Value.AppType == BotAppType.UserAssignedMSI
                ? ActivatorUtilities.CreateInstance<ManagedIdentityConnectorTokenProvider>(sp)
                : ActivatorUtilities.CreateInstance<MsalConnectorTokenProvider>(sp));
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();

        // Dispatch and conversation plumbing
        services.AddSingleton<ConversationReferenceTracker>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<ActivityDispatcher>();
        services.AddSingleton<IInvokeHandler, CardActionInvokeHandler>();
        return services;
    }
}
