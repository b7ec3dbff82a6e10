using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

public class HeaderFactsTests
{
    private static HeaderFacts Read(string from, Dictionary<string, string>? headers = null, TriageOptions? options = null) =>
        HeaderFacts.Read(new MailToTriage(from, null, "s", "b", headers), options ?? new TriageOptions { TrustDomains = ["trust.example", "oakfield.example"] });

    [Fact]
    public void The_sender_is_internal_when_its_domain_or_a_parent_domain_is_the_trusts()
    {
        Assert.True(Read("Jo <jo@trust.example>").InternalSender);
        Assert.True(Read("jo@mail.oakfield.example").InternalSender);
        Assert.False(Read("jo@nottrust.example").InternalSender);
        Assert.False(Read("jo@trust.example.evil.example").InternalSender);
        Assert.False(Read("no address").InternalSender);
    }

    [Fact]
    public void Authentication_results_pass_and_fail_are_read()
    {
        Assert.True(Read("a@b.example", new() { ["Authentication-Results"] = "mx.example; spf=pass smtp.mailfrom=b.example; dkim=pass; dmarc=pass" }).AuthenticationPassed);
        var failed = Read("a@b.example", new() { ["authentication-results"] = "mx.example; spf=fail; dmarc=fail" });
        Assert.False(failed.AuthenticationPassed);
        Assert.True(failed.AuthenticationFailed);
        Assert.False(Read("a@b.example").AuthenticationPassed);
    }

    [Fact]
    public void Bulk_signs_are_any_of_list_unsubscribe_precedence_or_a_bulk_level()
    {
        Assert.True(Read("a@b.example", new() { ["Precedence"] = "bulk" }).AnyBulkSign);
        Assert.True(Read("a@b.example", new() { ["X-Microsoft-Antispam"] = "BCL:3;" }).AnyBulkSign);
        Assert.False(Read("a@b.example", new() { ["X-Microsoft-Antispam"] = "BCL:0;" }).AnyBulkSign);
    }
}
