using System.Runtime.CompilerServices;
using AiPolicyBot.Audit;

namespace AiPolicyBot.Infrastructure.Audit;

/// <summary>
/// Development's seal: an append-only local file (opened for append only; nothing here rewrites or truncates it).
/// Not tamper-proof against someone with the disk, which is why Azure uses the immutable container instead.
/// </summary>
public sealed class FileAuditSeal(AuditSealOptions options) : IAuditSeal
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task WriteAsync(IReadOnlyList<AuditHead> heads, DateTimeOffset at, CancellationToken ct)
    {
        if (heads.Count == 0) return;
        var path = Path.GetFullPath(options.File);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Gate.WaitAsync(ct);
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(AuditSealLines.Write(heads, at).AsMemory(), ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async IAsyncEnumerable<AuditHead> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var path = Path.GetFullPath(options.File);
        if (!File.Exists(path)) yield break;
        string text;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(file)) text = await reader.ReadToEndAsync(ct);
        foreach (var head in AuditSealLines.Read(text)) yield return head;
    }
}
