using AiPolicyBot.Application.Register;
using AiPolicyBot.Contacts;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.Register;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting;

/// <summary>
/// The register part: the Trust's contacts (validated at start-up), register administration (export, edit, import,
/// history), and the "AI tools register" tab with its sign-in (docs/register-admin.md, docs/register-tab.md).
/// </summary>
public static class RegisterPart
{
    public static IServiceCollection AddRegisterPart(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustContacts>().Bind(configuration.GetSection(TrustContacts.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustContacts>, TrustContactsValidator>());

        services.AddOptions<TabOptions>().Bind(configuration.GetSection(TabOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TabOptions>, TabOptionsValidator>());
        services.AddHttpClient();
        services.AddSingleton<TabTokenValidator>();
        services.AddSingleton<LocalSignIn>();
        services.AddSingleton<CallerGate>();

        // Both register stores (Table, in-memory) write imports as one unit.
        services.AddSingleton(sp => (IRegisterBatchStore)sp.GetRequiredService<IRegisterStore>());
        services.AddSingleton<RegisterAudit>();
        services.AddSingleton<RegisterAdministration>();
        return services;
    }
}

/// <summary>Outside Development, every contact staff are shown must be a real, configured value (no placeholders).</summary>
public sealed class TrustContactsValidator(IHostEnvironment environment) : IValidateOptions<TrustContacts>
{
    public ValidateOptionsResult Validate(string? name, TrustContacts options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Success;
        var problems = options.ProblemsForProduction();
        return problems.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{p} (required in the '{environment.EnvironmentName}' environment; see docs/configuration.md)"));
    }
}
