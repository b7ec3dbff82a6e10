using AiPolicyBot.Academies;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>No academies configured: timing message understanding needs none.</summary>
internal sealed class NoAcademies : IOptionsMonitor<AcademyOptions>
{
    public AcademyOptions CurrentValue { get; } = new();
    public AcademyOptions Get(string? name) => CurrentValue;
    public IDisposable? OnChange(Action<AcademyOptions, string?> listener) => null;
}
