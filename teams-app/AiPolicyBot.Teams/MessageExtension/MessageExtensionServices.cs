using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// Registers the message extension: one invoke handler per composeExtension invoke, one class per manifest command.
/// Needs the staff conversation (wizard questions, request submission), the register cache and an
/// <see cref="IToolDemand"/> (in memory unless storage registers a durable one first).
/// </summary>
public static class MessageExtensionServices
{
    public static IServiceCollection AddMessageExtension(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageExtensionOptions>().Bind(configuration.GetSection(MessageExtensionOptions.Section));
        services.TryAddSingleton<IToolDemand, InMemoryToolDemand>();
        services.TryAddSingleton<ChatDeepLink>();
        services.TryAddSingleton<ToolSearch>();
        services.TryAddSingleton<BotPresence>();
        services.TryAddSingleton<RequestForm>();

        services.AddSingleton<ISearchCommand, SearchToolsCommand>();
        services.AddSingleton<IActionCommand, RequestApprovalCommand>();
        services.AddSingleton<IActionCommand, CheckMessageCommand>();
        services.AddSingleton<IActionCommand, RequestFromMessageCommand>();

        services.AddSingleton<IInvokeHandler, QueryInvokeHandler>();
        services.AddSingleton<IInvokeHandler, FetchTaskInvokeHandler>();
        services.AddSingleton<IInvokeHandler, SubmitActionInvokeHandler>();
        return services;
    }
}
