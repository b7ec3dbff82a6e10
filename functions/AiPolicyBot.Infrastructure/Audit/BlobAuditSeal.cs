using System.Globalization;
using System.Runtime.CompilerServices;
using AiPolicyBot.Audit;
using AiPolicyBot.Infrastructure.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AiPolicyBot.Infrastructure.Audit;

/// <summary>
/// Sealed heads as blobs "heads/{UTC time}.jsonl" in a container that has a time-based immutability policy in Azure
/// (WORM: a blob can be neither changed nor deleted while the policy holds it). Each seal is a new blob written with
/// If-None-Match: *, so nothing here ever overwrites; Azurite does not enforce the policy, Azure does.
/// </summary>
public sealed class BlobAuditSeal(BlobServiceClient service, AuditSealOptions options) : IAuditSeal
{
    private const string Prefix = "heads/";
    private readonly CreateOnce _create = new();
    private BlobContainerClient Container => service.GetBlobContainerClient(options.Container);

    public async Task WriteAsync(IReadOnlyList<AuditHead> heads, DateTimeOffset at, CancellationToken ct)
    {
        if (heads.Count == 0) return;
        await _create.RunAsync(async c => await Container.CreateIfNotExistsAsync(cancellationToken: c), ct);
        var name = Prefix + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".jsonl";
        var content = BinaryData.FromString(AuditSealLines.Write(heads, at));
        var upload = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await Container.GetBlobClient(name).UploadAsync(content, upload, ct);
    }

    public async IAsyncEnumerable<AuditHead> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!await Container.ExistsAsync(ct)) yield break;
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, ct))
        {
            var text = (await Container.GetBlobClient(item.Name).DownloadContentAsync(ct)).Value.Content.ToString();
            foreach (var head in AuditSealLines.Read(text)) yield return head;
        }
    }
}
