using AiPolicyBot.Approvals;

namespace AiPolicyBot.Infrastructure.Approvals;

/// <summary>
/// The configured directory merged with the Table overrides, cached for <see cref="CacheFor"/> so approval clicks do
/// not read the Approvers table each time. <see cref="Invalidate"/> after changing an override.
/// </summary>
public sealed class ApproverDirectorySource(ApproverDirectory configured, IApproverOverrideStore overrides, TimeProvider time)
    : IApproverDirectorySource
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private (ApproverDirectory Directory, DateTimeOffset Until)? _cached;

    public async ValueTask<ApproverDirectory> GetAsync(CancellationToken ct)
    {
        if (_cached is { } c && time.GetUtcNow() < c.Until) return c.Directory;
        var merged = ConfiguredApprovers.WithOverrides(configured, await overrides.ListAsync(ct));
        _cached = (merged, time.GetUtcNow() + CacheFor);
        return merged;
    }

    public void Invalidate() => _cached = null;
}
