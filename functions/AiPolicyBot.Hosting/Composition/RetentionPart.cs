using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Hosting;

/// <summary>Data minimisation: the daily purge of rows past their retention (section Retention).</summary>
public static class RetentionPart
{
    public static IServiceCollection AddRetentionPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.TriageRecordDays > 0 && o.DraftDays > 0 && o.IdempotencyDays > 0 && o.DecisionDays > 0,
                "Retention:*Days must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<RetentionPurgeJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<RetentionPurgeJob>());
        return services;
    }
}
