using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// The local default when Graph is not configured: each email becomes <c>{LocalMail:Root}/outbox/{jobId}.eml</c>
/// (MimeKit, multipart/alternative text + HTML, X-IA-Job-Id header). Idempotent by job id: the file is written to a
/// temporary name and moved into place without overwriting, so the same job never yields a second file.
/// </summary>
public sealed partial class EmlMailTransport(LocalMailOptions local, GraphMailOptions graph, TimeProvider time, ILogger<EmlMailTransport> logger)
    : IMailTransport
{
    public string OutboxFolder => local.OutboxFolder;

    public string PathFor(string jobId) => Path.Combine(OutboxFolder, FileName(jobId));

    public async Task<MailSendOutcome> SendAsync(MailMessage message, IDraftTracker drafts, CancellationToken ct)
    {
        var target = PathFor(message.JobId);
        if (File.Exists(target)) return MailSendOutcome.AlreadySent;
        Directory.CreateDirectory(OutboxFolder);

        var temp = Path.Combine(OutboxFolder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temp))
                await ToMime(message).WriteToAsync(stream, ct);
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            return MailSendOutcome.AlreadySent; // another worker wrote the same job first
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        logger.LogInformation("Mail job {JobId} written to the local outbox", message.JobId);
        return MailSendOutcome.Sent;
    }

    public MimeMessage ToMime(MailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = time.GetUtcNow(), MessageId = $"{FileStem(message.JobId)}@aipolicybot.local" };
        mime.From.Add(MailboxAddress.Parse(graph.Recipient));
        mime.To.Add(MailboxAddress.Parse(message.To));
        foreach (var (name, value) in message.Headers) mime.Headers.Add(name, value);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static string FileName(string jobId) => FileStem(jobId) + ".eml";

    /// <summary>Plain job ids stay readable; anything else is hashed so it cannot escape the folder.</summary>
    private static string FileStem(string jobId)
    {
        if (jobId.Length <= 150 && SafeName().IsMatch(jobId)) return jobId;
        return "job-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(jobId)))[..32].ToLowerInvariant();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex SafeName();
}
