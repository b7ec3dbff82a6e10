using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Hosting;

/// <summary>Mail triage: the local classifier and the preview endpoint. Config section "Triage".</summary>
public static class TriagePart
{
    public static IServiceCollection AddTriagePart(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TriageOptions>(configuration.GetSection(TriageOptions.Section));
        services.AddSingleton<TriageClassifierProvider>();
        services.AddSingleton<TriagePreviewEndpoint>();
        return services;
    }
}

/// <summary>
/// Loads the committed triage model once, on first use (TriageClassifiers.Service: the same classifier the scoring
/// tool measures; docs/triage-quality.md). The register gazetteer comes from "Triage:KnownTools" (names, aliases, vendors); until the register snapshot is
/// wired in, the demo register's names (docs/policy-and-register.md) are the default.
/// </summary>
public sealed class TriageClassifierProvider(IOptions<TriageOptions> options, IConfiguration configuration)
{
    private readonly Lazy<TriageClassifier> _classifier = new(() =>
    {
        var configured = configuration.GetSection(TriageOptions.Section + ":KnownTools").Get<string[]>();
        return TriageClassifiers.Service(options.Value, configured is { Length: > 0 } ? configured : DemoRegisterToolNames.All);
    });

    public TriageClassifier Classifier => _classifier.Value;
}
