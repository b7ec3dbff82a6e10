using AiPolicyBot.Application.Reports;
using AiPolicyBot.Application.Reports.Dashboard;
using AiPolicyBot.Application.Reports.Incidents;
using AiPolicyBot.Application.Reports.Training;
using AiPolicyBot.Application.Training;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Policy;
using AiPolicyBot.Teams.Conversation.Staff;
using AiPolicyBot.Training;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Training records (docs/spec/training-records.md): the terms an attestation is measured against (Training and
/// Policy sections), the cache the conversation reads them through, the expiry reminders and their timer, and the two evidence reports of this part of the product
/// (training, incidents) on the reports framework.
/// </summary>
public static class TrainingPart
{
    public static IServiceCollection AddTrainingPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.Section))
            .Validate(o => o.ValidityMonths is > 0 and <= 120 && o.ReminderDaysBefore is >= 0 and <= 365,
                "Training:ValidityMonths must be 1–120 and Training:ReminderDaysBefore 0–365.")
            .ValidateOnStart();
        services.AddSingleton<Func<TrainingTerms>>(sp =>
        {
            var policy = sp.GetRequiredService<IOptionsMonitor<PolicyOptions>>();
            var training = sp.GetRequiredService<IOptionsMonitor<TrainingOptions>>();
            TrainingTerms Build() => new(policy.CurrentValue.PolicyVersion, training.CurrentValue.ValidityMonths);
            // Rebuilt when a setting changes, not on every question.
            var inForce = new TrainingTermsInForce(Build());
            policy.OnChange(_ => inForce.Replace(Build()));
            training.OnChange(_ => inForce.Replace(Build()));
            return inForce.Current;
        });
        // The conversation reads attestations through this cache (one store read per person, then memory).
        services.AddSingleton<TrainingCache>();
        services.AddSingleton<ITrainingNotices, ChatTrainingNotices>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TrainingReminders>(sp,
            (Func<int>)(() => sp.GetRequiredService<IOptionsMonitor<TrainingOptions>>().CurrentValue.ReminderDaysBefore)));
        services.AddSingleton<TrainingRemindersJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<TrainingRemindersJob>());

        services.AddSingleton<TrainingReport>();
        services.AddSingleton<IReport>(sp => sp.GetRequiredService<TrainingReport>());
        services.AddSingleton<IReport, IncidentsReport>();
        services.AddSingleton<IDashboardPanel, TrainingPanel>();
        services.AddSingleton<IDashboardPanel, IncidentsPanel>();
        return services;
    }
}
