using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Triage.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AiPolicyBot.Infrastructure.Mail.Inbox;

/// <summary>
/// Keeps one Graph change-notification subscription on the IA Inbox alive (docs/triage-inbox.md): created with
/// lifecycle notifications on the same URL, renewed by PATCH well before its 4,230-minute limit, recreated when
/// Graph lost it (404, subscriptionRemoved) or when GraphMail:ClientState changed (rotation: PATCH cannot change
/// it). The stored row keeps the id, the expiry and a hash of the clientState, never the secret itself.
/// </summary>
public sealed class GraphSubscriptionManager(
    GraphMailClient graph,
    GraphMailOptions mail,
    IInboxSyncStateStore state,
    TimeProvider time,
    ILogger<GraphSubscriptionManager> logger)
{
    public const string StateName = "subscription";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(4230 - 30);
    /// <summary>Renew when less than this is left (the timer runs every 6 hours).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromHours(24);

    public bool Configured => mail.UseGraph && !string.IsNullOrWhiteSpace(mail.NotificationUrl) && !string.IsNullOrWhiteSpace(mail.ClientState);

    /// <summary>Creates, renews or recreates the subscription; <paramref name="recreate"/> forces a new one.</summary>
    public async Task<string?> EnsureAsync(bool recreate, CancellationToken ct)
    {
        if (!Configured)
        {
            logger.LogInformation("Graph subscription not configured (GraphMail:NotificationUrl / GraphMail:ClientState); delta polling only");
            return null;
        }
        var stored = await state.GetAsync(StateName, ct);
        var current = stored is null ? null : JsonSerializer.Deserialize<StoredSubscription>(stored.Value, AiPolicyJson.Options);
        var now = time.GetUtcNow();
        if (current is not null && !recreate && current.ClientStateHash == Hash(mail.ClientState!))
        {
            if (current.ExpiresAt - now > RenewBefore) return current.Id;
            try
            {
                await graph.Client.Subscriptions[current.Id].PatchAsync(new Subscription { ExpirationDateTime = now + Lifetime }, cancellationToken: ct);
                return await SaveAsync(current with { ExpiresAt = now + Lifetime }, stored!.Version, ct);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                logger.LogWarning("Graph subscription gone (404); recreating");
            }
        }
        if (current is not null) await TryDeleteAsync(current.Id, ct);

        var created = await graph.Client.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = mail.NotificationUrl,
            LifecycleNotificationUrl = mail.NotificationUrl,
            Resource = $"users/{mail.Mailbox}/mailFolders('inbox')/messages",
            ExpirationDateTime = now + Lifetime,
            ClientState = mail.ClientState,
        }, rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\""), ct)
            ?? throw new InvalidOperationException("Graph returned no subscription.");
        logger.LogInformation("Graph subscription created, expires {Expiry}", created.ExpirationDateTime);
        return await SaveAsync(new StoredSubscription(created.Id!, created.ExpirationDateTime ?? now + Lifetime, Hash(mail.ClientState!)), stored?.Version, ct);
    }

    private async Task<string> SaveAsync(StoredSubscription s, string? version, CancellationToken ct)
    {
        try
        {
            await state.SaveAsync(StateName, JsonSerializer.Serialize(s, AiPolicyJson.Options), version, ct);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogInformation("Subscription row changed by another run");
        }
        return s.Id;
    }

    private async Task TryDeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await graph.Client.Subscriptions[id].DeleteAsync(cancellationToken: ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
        }
    }

    private static string Hash(string clientState) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    private sealed record StoredSubscription(string Id, DateTimeOffset ExpiresAt, string ClientStateHash);
}
