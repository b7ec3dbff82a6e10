using AiPolicyBot.Infrastructure.Mail;
using AiPolicyBot.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace AiPolicyBot.Infrastructure.Tests.Mail;

/// <summary>The local default: .eml files in {LocalMail:Root}/outbox, one per job, readable by MimeKit.</summary>
public sealed class EmlMailTransportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aipolicybot-eml-" + Guid.NewGuid().ToString("N"));

    private EmlMailTransport Transport() => new(new LocalMailOptions { Root = _root }, new GraphMailOptions(), TimeProvider.System,
        NullLogger<EmlMailTransport>.Instance);

    private static MailMessage Message(string jobId = "AIP-2026-0042-decision") => new(jobId, GraphMailOptions.LocalFallbackMailbox,
        "[AIP-2026-0042] Decision: approved - Quizzer", "<p>Approved &amp; done</p>", "Approved & done",
        MailMessage.StandardHeaders(jobId, "AIP-2026-0042"));

    [Fact]
    public async Task Writes_one_eml_file_that_mimekit_parses_back_with_both_bodies_and_the_job_header()
    {
        var outcome = await Transport().SendAsync(Message(), new NoDrafts(), default);

        Assert.Equal(MailSendOutcome.Sent, outcome);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "outbox")));
        Assert.Equal("AIP-2026-0042-decision.eml", Path.GetFileName(file));
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("[AIP-2026-0042] Decision: approved - Quizzer", parsed.Subject);
        Assert.Equal("AIP-2026-0042-decision", parsed.Headers[MailMessage.JobIdHeader]);
        Assert.Equal("AIP-2026-0042", parsed.Headers[MailMessage.ReferenceHeader]);
        Assert.Equal(GraphMailOptions.LocalFallbackMailbox, parsed.To.Mailboxes.Single().Address);
        Assert.Equal("<p>Approved &amp; done</p>", parsed.HtmlBody?.Trim());
        Assert.Equal("Approved & done", parsed.TextBody?.Trim());
    }

    [Fact]
    public async Task Writing_the_same_job_twice_leaves_one_file_and_reports_already_sent()
    {
        var transport = Transport();
        await transport.SendAsync(Message(), new NoDrafts(), default);
        var before = await File.ReadAllBytesAsync(transport.PathFor("AIP-2026-0042-decision"));

        var again = await transport.SendAsync(Message() with { Subject = "changed" }, new NoDrafts(), default);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => transport.SendAsync(Message("AIP-2026-0043-decision"), new NoDrafts(), default)));

        Assert.Equal(MailSendOutcome.AlreadySent, again);
        Assert.Equal(before, await File.ReadAllBytesAsync(transport.PathFor("AIP-2026-0042-decision")));
        Assert.Single(concurrent, o => o == MailSendOutcome.Sent);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_root, "outbox")).Length); // no temp files left behind
    }

    [Fact]
    public async Task A_job_id_that_is_not_a_plain_name_cannot_escape_the_outbox_folder()
    {
        var transport = Transport();
        await transport.SendAsync(Message("../../evil"), new NoDrafts(), default);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "outbox")));
        Assert.StartsWith("job-", Path.GetFileName(file));
        Assert.False(File.Exists(Path.Combine(_root, "..", "evil.eml")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private sealed class NoDrafts : IDraftTracker
    {
        public string? DraftId => null;
        public Task SaveDraftIdAsync(string draftId, CancellationToken ct) => throw new InvalidOperationException("the .eml transport keeps no drafts");
    }
}
