using AiPolicyBot.Register;

namespace AiPolicyBot.Teams.Approvals;

/// <summary>After a decision changed the register, the cached snapshot behind "can I use X?" is reloaded at once.</summary>
public sealed class RegisterCacheListener(RegisterCache cache) : IRegisterChangeListener
{
    public Task RegisterChangedAsync(CancellationToken ct) => cache.RefreshAsync(ct);
}
