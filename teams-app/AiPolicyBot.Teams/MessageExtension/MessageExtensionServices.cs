using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// Registers the message extension: one invoke handler per composeExtension invoke, one class per manifest command.
/// Needs the staff conversation (wizard questions, request submission), the register cache and an
/// <see cref="IToolDemand"/> from the composition root.
/// </summary>
public static class MessageExtensionServices
{
    public static IServiceCollection AddMessageExtension(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageExtensionOptions>().Bind(configuration.GetSection(MessageExtensionOptions.Section));
        services.AddSingleton<ChatDeepLink>();
        services.AddSingleton<ToolSearch>();
        services.AddSingleton<BotPresence>();
        services.AddSingleton<RequestForm>();

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
