using AiPolicyBot.Policy;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The one composition root. Both hosts call <see cref="AddAiPolicyBot"/> and nothing else. Each part of the product
/// registers itself in its own file under Composition/ (one Add… method per part). Parts may be added in any order:
/// each service is registered by exactly one part, nothing is replaced or removed, and every handler key is unique
/// (checked at start-up by <see cref="CompositionCheck"/>).
/// </summary>
public static class AiPolicyBotServices
{
    /// <summary>Every part, in no particular order.</summary>
    public static readonly IReadOnlyList<Func<IServiceCollection, IConfiguration, IServiceCollection>> Parts =
    [
        PolicyPart.AddPolicyPart,
        StoragePart.AddStoragePart,
        TriagePart.AddTriagePart,
        TeamsPart.AddTeamsPart,
        MailPart.AddMailPart,
        ConversationPart.AddConversationPart,
        MessageExtensionPart.AddMessageExtensionPart,
        ApprovalsPart.AddApprovalsPart,
        InboxPart.AddInboxPart,
        RegisterPart.AddRegisterPart,
        RetentionPart.AddRetentionPart,
        IncidentsPart.AddIncidentsPart,
        AuditPart.AddAuditPart,
        TrainingPart.AddTrainingPart,
        ReportsPart.AddReportsPart,
    ];

    public static IServiceCollection AddAiPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<PolicyOptions>(configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton<HealthEndpoint>();
        services.AddHostedService<CompositionCheck>();
        foreach (var add in Parts) add(services, configuration);
        return services;
    }
}
