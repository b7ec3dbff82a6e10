using AiPolicyBot.Application.Audit;
using AiPolicyBot.Application.Mail;
using AiPolicyBot.Audit;
using AiPolicyBot.Hosting.Jobs;
using AiPolicyBot.Infrastructure.Audit;
using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Hosting;

/// <summary>
/// Audit verification (docs/spec/audit-verification.md): the partition scan, the seal (an immutable blob container,
/// or with AuditSeal:File an append-only local file), the verifier, its daily job and its alert mail.
/// </summary>
public static class AuditPart
{
    public static IServiceCollection AddAuditPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditSealOptions>(configuration.GetSection(AuditSealOptions.Section));
        services.AddSingleton<IAuditPartitions>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IAuditSeal>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditSealOptions>>().Value;
            return options.File is { Length: > 0 }
                ? new FileAuditSeal(options)
                : new BlobAuditSeal(StorageServiceClients.Blobs(sp.GetRequiredService<StorageOptions>()), options);
        });
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<IOutboxMailRenderer>(sp => new AuditBreakMailRenderer(sp.GetRequiredService<GraphMailOptions>().Recipient));
        services.AddSingleton<AuditVerificationJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<AuditVerificationJob>());
        return services;
    }
}
