namespace AiPolicyBot.Register;

/// <summary>Told when the register changed, so the cached snapshot behind "can I use X?" is refreshed.</summary>
public interface IRegisterChangeListener
{
    Task RegisterChangedAsync(CancellationToken ct);
}
