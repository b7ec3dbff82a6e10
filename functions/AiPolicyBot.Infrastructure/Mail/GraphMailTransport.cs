using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using GraphMessage = Microsoft.Graph.Models.Message;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Sends through Microsoft Graph, app-only, from and to the IA mailbox, idempotently (docs/mail.md):
/// 1. no draft id yet: reuse an orphan draft tagged with the job id (a crash before the id was stored), or create
///    one with Prefer: IdType="ImmutableId", the X-IA-Job-Id header and the job-id extended property;
/// 2. store the draft id in the outbox row BEFORE sending;
/// 3. GET the draft: isDraft false ⇒ already sent; 404 ⇒ look in Sent Items by the extended property;
/// 4. POST /send (sending a draft always keeps the copy in Sent Items, the lookup in step 3 relies on it).
/// </summary>
public sealed class GraphMailTransport(GraphMailClient graph, GraphMailOptions options, ILogger<GraphMailTransport> logger) : IMailTransport
{
    /// <summary>MAPI named property carrying the job id: queryable, unlike internet headers.</summary>
    public const string JobIdPropertyId = "String {8d1f0a52-6a5b-4e55-9d1b-3f0b7b7c9e11} Name IaJobId";

    private const string PreferImmutable = "IdType=\"ImmutableId\"";

    private string Mailbox => options.Mailbox ?? throw new InvalidOperationException("GraphMail:Mailbox is not configured.");

    public async Task<MailSendOutcome> SendAsync(MailMessage message, IDraftTracker drafts, CancellationToken ct)
    {
        var draftId = drafts.DraftId;
        if (draftId is null)
        {
            draftId = await FindInFolderAsync("drafts", message.JobId, ct) ?? await CreateDraftAsync(message, ct);
            await drafts.SaveDraftIdAsync(draftId, ct);
        }

        var state = await DraftStateAsync(draftId, ct);
        if (state == false) return MailSendOutcome.AlreadySent;
        if (state is null)
        {
            if (await FindInFolderAsync("sentitems", message.JobId, ct) is not null) return MailSendOutcome.AlreadySent;
            throw new DraftMissingException(message.JobId);
        }

        await graph.Client.Users[Mailbox].Messages[draftId].Send.PostAsync(cancellationToken: ct);
        logger.LogInformation("Mail job {JobId} sent through Graph", message.JobId);
        return MailSendOutcome.Sent;
    }

    private async Task<string> CreateDraftAsync(MailMessage message, CancellationToken ct)
    {
        var draft = new GraphMessage
        {
            Subject = message.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = message.HtmlBody },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = message.To } }],
            From = new Recipient { EmailAddress = new EmailAddress { Address = Mailbox } },
            InternetMessageHeaders = [.. message.Headers.Select(h => new InternetMessageHeader { Name = h.Key, Value = h.Value })],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = JobIdPropertyId, Value = message.JobId }],
        };
        var created = await graph.Client.Users[Mailbox].Messages.PostAsync(draft, rc => rc.Headers.Add("Prefer", PreferImmutable), ct);
        return created?.Id ?? throw new InvalidOperationException("Graph created a draft without an id.");
    }

    /// <summary>true = still a draft, false = sent, null = not found.</summary>
    private async Task<bool?> DraftStateAsync(string draftId, CancellationToken ct)
    {
        try
        {
            var m = await graph.Client.Users[Mailbox].Messages[draftId].GetAsync(rc =>
            {
                rc.QueryParameters.Select = ["id", "isDraft"];
                rc.Headers.Add("Prefer", PreferImmutable);
            }, ct);
            return m?.IsDraft ?? true;
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private async Task<string?> FindInFolderAsync(string folder, string jobId, CancellationToken ct)
    {
        var page = await graph.Client.Users[Mailbox].MailFolders[folder].Messages.GetAsync(rc =>
        {
            rc.QueryParameters.Filter =
                $"singleValueExtendedProperties/Any(ep: ep/id eq '{JobIdPropertyId}' and ep/value eq '{jobId.Replace("'", "''")}')";
            rc.QueryParameters.Select = ["id"];
            rc.QueryParameters.Top = 1;
            rc.Headers.Add("Prefer", PreferImmutable);
        }, ct);
        return page?.Value?.FirstOrDefault()?.Id;
    }
}
