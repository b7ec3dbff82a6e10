using AiPolicyBot.Register;

namespace AiPolicyBot.Testing.Approvals;

/// <summary>Counts how often the register was said to have changed.</summary>
public sealed class CountingRegisterListener : IRegisterChangeListener
{
    public int Calls;
    public Task RegisterChangedAsync(CancellationToken ct) { Interlocked.Increment(ref Calls); return Task.CompletedTask; }
}
