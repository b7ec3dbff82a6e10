namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Runs a one-time set-up (creating tables and queues) once per process; concurrent callers wait for it, and a
/// failed attempt is retried by the next caller. After success it costs one field read.
/// </summary>
public sealed class CreateOnce
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task RunAsync(Func<CancellationToken, Task> create, CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_done) return;
            await create(ct);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
