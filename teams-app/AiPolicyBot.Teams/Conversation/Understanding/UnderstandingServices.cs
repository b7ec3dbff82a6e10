using AiPolicyBot.Academies;
using AiPolicyBot.Language.Conversation.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Conversation.Understanding;

/// <summary>The message understanding the bot and the conversation preview share, with the model loaded at start.</summary>
public static class UnderstandingServices
{
    public static IServiceCollection AddMessageUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton<IntentModelProvider>();
        services.TryAddSingleton(_ => ProductCatalogue.Embedded);
        services.TryAddSingleton(sp => new UnknownProductNames(AcademyNames(sp.GetRequiredService<IOptionsMonitor<AcademyOptions>>())));
        services.TryAddSingleton<ToolResolver>();
        services.TryAddSingleton<MessageUnderstanding>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IntentModelWarmup>());
        return services;
    }

    /// <summary>The same understanding outside a container (the scoring tool, tests, benchmarks).</summary>
    public static MessageUnderstanding Create(IOptionsMonitor<AcademyOptions> academies, IntentModelProvider? model = null, bool catalogueNames = false) =>
        new(model ?? new IntentModelProvider(),
            new ToolResolver(ProductCatalogue.Embedded, new UnknownProductNames(AcademyNames(academies))) { CatalogueNames = catalogueNames }, academies);

    /// <summary>Every configured academy's name and id: never taken for a product name.</summary>
    public static Func<IEnumerable<string>> AcademyNames(IOptionsMonitor<AcademyOptions> academies) =>
        () => academies.CurrentValue.Items.SelectMany(kv => new[] { kv.Key, kv.Value.Name });
}
