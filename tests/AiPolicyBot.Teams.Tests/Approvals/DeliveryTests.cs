using AiPolicyBot.Approvals;
using AiPolicyBot.Mail;
using AiPolicyBot.Requests;
using AiPolicyBot.Teams.Approvals;
using AiPolicyBot.Teams.Approvals.Handlers;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Teams.Tests.Approvals;

/// <summary>Reaching people (docs/approvals.md): recorded per person, retried with back-off, else channel or email + alert.</summary>
public class DeliveryTests
{
    private const string Ref = "AIP-2026-0042";

    [Fact]
    public async Task An_unreachable_approver_gets_an_email_and_the_administrators_an_alert_and_the_card_says_so()
    {
        var rig = new ApprovalRig();
        rig.Messenger.Unreachable.Add(Dpo);
        await rig.SubmitAsync(TrustRequest());

        var dpo = rig.Deliveries.Rows[(Ref, Dpo)];
        Assert.Equal((DeliveryStatus.Email, "DPO"), (dpo.Status, dpo.Label));
        Assert.Equal(DeliveryStatus.Chat, rig.Deliveries.Rows[(Ref, Cio)].Status);
        Assert.True(rig.Decisions.Outbox.ContainsKey($"{Ref}-card-{Dpo}"), string.Join(", ", rig.Decisions.Outbox.Keys));
        Assert.Equal(Dpo, OutboxJob.PersonOf(rig.Decisions.Outbox[$"{Ref}-card-{Dpo}"]));
        var alert = Assert.Single(rig.Alerts.Raised.Values);
        Assert.Equal(("PersonUnreachable", Ref), (alert.Kind, alert.Reference));
        Assert.DoesNotContain(Dpo, alert.Detail, StringComparison.Ordinal); // no personal data in the alert text

        // The CIO's card (built after every delivery) tells where each copy went.
        var cio = await rig.ClickAsync(RefreshApprovalHandler.VerbName, Cio, Ref);
        var json = cio.Card!.ToJson();
        Assert.Contains("sent to the CDO 10:00; sent to the CIO 10:00; sent to the CIO deputy 10:00; emailed to the DPO", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_approvals_channel_the_channel_is_the_fallback_and_nobody_is_emailed()
    {
        var rig = new ApprovalRig(channel: "19:approvals@thread.tacv2");
        rig.Messenger.Unreachable.Add(Dpo);
        await rig.SubmitAsync(TrustRequest());
        Assert.Equal(DeliveryStatus.Channel, rig.Deliveries.Rows[(Ref, Dpo)].Status);
        Assert.DoesNotContain(rig.Decisions.Outbox.Keys, k => k.Contains("-card-", StringComparison.Ordinal));
        Assert.Empty(rig.Alerts.Raised);
        Assert.Single(rig.Messenger.ChannelCards);
    }

    [Fact]
    public async Task A_passing_failure_is_retried_with_back_off_until_it_is_delivered()
    {
        var rig = new ApprovalRig();
        rig.Messenger.FailNext[Cdo] = 2;
        await rig.SubmitAsync(TrustRequest());
        var first = rig.Deliveries.Rows[(Ref, Cdo)];
        Assert.Equal((DeliveryStatus.Retrying, 1, rig.Time.Now.AddMinutes(1)), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Contains("not yet delivered to the CDO", (await rig.ClickAsync(RefreshApprovalHandler.VerbName, Cio, Ref)).Card!.ToJson(), StringComparison.Ordinal);

        await rig.Delivery.RetryDueAsync(default); // not due yet: nothing happens
        Assert.Equal(1, rig.Deliveries.Rows[(Ref, Cdo)].Attempts);

        rig.Time.Now = rig.Time.Now.AddMinutes(1);
        await rig.Delivery.RetryDueAsync(default);
        var second = rig.Deliveries.Rows[(Ref, Cdo)];
        Assert.Equal((DeliveryStatus.Retrying, 2, rig.Time.Now.AddMinutes(5)), (second.Status, second.Attempts, second.NextAttemptAt));

        rig.Time.Now = rig.Time.Now.AddMinutes(5);
        await rig.Delivery.RetryDueAsync(default);
        var third = rig.Deliveries.Rows[(Ref, Cdo)];
        Assert.Equal((DeliveryStatus.Chat, 3), (third.Status, third.Attempts));
        Assert.Single(rig.Messenger.CardsSent, s => s.UserId == Cdo);
        Assert.Empty(rig.Alerts.Raised);
    }

    [Fact]
    public async Task When_the_retries_run_out_the_card_goes_by_email()
    {
        var rig = new ApprovalRig();
        rig.Messenger.FailNext[Cdo] = 100;
        await rig.SubmitAsync(TrustRequest());
        for (var i = 0; i < DeliveryBackoff.MaxAttempts; i++)
        {
            rig.Time.Now = rig.Time.Now.AddHours(2);
            await rig.Delivery.RetryDueAsync(default);
        }
        var last = rig.Deliveries.Rows[(Ref, Cdo)];
        Assert.Equal((DeliveryStatus.Email, DeliveryBackoff.MaxAttempts), (last.Status, last.Attempts));
        Assert.True(rig.Decisions.Outbox.ContainsKey($"{Ref}-card-{Cdo}"));
        Assert.Single(rig.Alerts.Raised);
    }

    [Fact]
    public async Task A_requester_Teams_cannot_reach_hears_the_outcome_by_email()
    {
        var rig = new ApprovalRig();
        rig.Messenger.Unreachable.Add(Teacher);
        await rig.SubmitAsync(TrustRequest());
        foreach (var who in new[] { Cio, Cdo, Dpo }) await rig.ClickAsync(ApproveHandler.VerbName, who, Ref);
        Assert.Equal(RequestState.Approved, rig[Ref].State);
        Assert.True(rig.Decisions.Outbox.ContainsKey($"{Ref}-Approved-card-{Teacher}"), string.Join(", ", rig.Decisions.Outbox.Keys));
    }
}
