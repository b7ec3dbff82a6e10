using AiPolicyBot.Academies;
using AiPolicyBot.Register;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting;

/// <summary>The policy part: academies, the register cache, policy evaluation and register search.</summary>
public static class PolicyPart
{
    public static IServiceCollection AddPolicyPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AcademyOptions>(o => configuration.GetSection(AcademyOptions.Section).Bind(o.Items));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));

        // The register's store comes from the storage part. The demo register is written into an empty store only in
        // Development; anywhere else the register starts empty and the bot says it is not set up yet (docs/register-admin.md).
        services.AddSingleton(sp => new RegisterCache(
            sp.GetRequiredService<IRegisterStore>(),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(configuration.GetValue("Register:RefreshSeconds", 300)),
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment() ? DemoRegister.Entries : null));

        services.AddSingleton<PolicyEvaluateEndpoint>();
        services.AddSingleton<RegisterSearchEndpoint>();
        services.AddSingleton<AdminKeyFilter>();
        return services;
    }
}
