using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Teams.Protocol.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

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

        // Outbound
        // Polly's telemetry logs every connector call ("Execution attempt", Information): one log line per turn on the
        // hot path. Retries and failures are Warning and above, and stay.
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.Warning));
        // The default HttpClient logs print full URLs, i.e. conversation and user ids: personal data stays out of logs.
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("connector", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(400),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = true,
                    // A POST Teams may already have carried out is never sent again (ConnectorRetryPolicy).
                    ShouldHandle = args => ValueTask.FromResult(
                        ConnectorRetryPolicy.ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
                })
                .AddTimeout(TimeSpan.FromSeconds(8)));
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
