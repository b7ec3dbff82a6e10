using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Infrastructure.Storage;
using AiPolicyBot.Requests;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public sealed class TableRequestStoreTests() : TestTables("reqtests")
{
    private TableRequestStore Store => new(Tables, new TableReferenceCounter(Tables));
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Created_request_reads_back_equal_with_a_version()
    {
        var request = Samples.Request("AIP-2026-0001");
        var created = await Store.CreateAsync(request, Ct);

        var read = await Store.GetAsync("AIP-2026-0001", Ct);
        Assert.NotNull(read);
        Assert.Equal(created.Version, read.Version);
        // Every field survives the round trip (intake, outcome, decisions are stored as JSON).
        Assert.Equal(JsonSerializer.Serialize(request, AiPolicyJson.Options), JsonSerializer.Serialize(read.Value, AiPolicyJson.Options));
        Assert.Equal(Policy.DataCategory.PupilWork, Assert.Single(read.Value.Intake.DataCategories));
        Assert.Equal(request.SubmittedAt, read.Value.SubmittedAt);
    }


    [Fact]
    public async Task The_largest_request_the_rules_allow_fits_its_row_and_reads_back_whole()
    {
        // Every round of questions at its limits, in text that JSON escapes six characters a piece (control characters):
        // the JSON is several times one column's 32K characters.
        var hostile = new string('\u0001', global::AiPolicyBot.Approvals.ApprovalStateMachine.MaxTextLength);
        var rounds = Enumerable.Range(0, global::AiPolicyBot.Approvals.ApprovalStateMachine.MaxQuestionRounds)
            .Select(i => new InformationRequest("DPO", "d", "DPO " + i, hostile, Samples.Now, hostile, Samples.Now)).ToList();
        var decisions = Enumerable.Range(0, 6)
            .Select(i => new ApprovalDecision("R" + i, "a", "A", DecisionKind.Reject, hostile, [], Samples.Now)).ToList();
        var request = Samples.Request("AIP-2026-0050") with { AnsweredQuestions = rounds, Decisions = decisions };
        Assert.True(JsonSerializer.Serialize(request, AiPolicyJson.Options).Length > 200_000);

        var created = await Store.CreateAsync(request, Ct);
        var grown = await Store.UpdateAsync(created.Value with { ClosingReason = "done" }, created.Version, Ct);
        var read = await Store.GetAsync("AIP-2026-0050", Ct);

        Assert.Equal(grown.Version, read!.Version);
        Assert.Equal(JsonSerializer.Serialize(grown.Value, AiPolicyJson.Options), JsonSerializer.Serialize(read.Value, AiPolicyJson.Options));
        Assert.Equal(hostile, read.Value.AnsweredQuestions[^1].Answer);
    }

    [Theory]
    [InlineData("AIP-2026-9999")]
    [InlineData("not-a-reference")]
    [InlineData("AIP-2026-00/1")]
    [InlineData("")]
    public async Task Unknown_or_malformed_reference_reads_as_null(string reference) =>
        Assert.Null(await Store.GetAsync(reference, Ct));

    [Fact]
    public async Task Duplicate_create_is_a_conflict_and_keeps_the_first()
    {
        await Store.CreateAsync(Samples.Request("AIP-2026-0002"), Ct);
        var second = Samples.Request("AIP-2026-0002") with { RequesterName = "Someone Else" };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(second, Ct));
        Assert.Equal("Test Teacher", (await Store.GetAsync("AIP-2026-0002", Ct))!.Value.RequesterName);
    }

    [Fact]
    public async Task Update_with_current_version_succeeds_and_changes_the_version()
    {
        var created = await Store.CreateAsync(Samples.Request("AIP-2026-0003"), Ct);
        var updated = await Store.UpdateAsync(created.Value with { State = RequestState.Approved, PendingRoles = [] }, created.Version, Ct);

        Assert.NotEqual(created.Version, updated.Version);
        var read = await Store.GetAsync("AIP-2026-0003", Ct);
        Assert.Equal(RequestState.Approved, read!.Value.State);
        Assert.Equal(updated.Version, read.Version);
    }

    [Fact]
    public async Task Stale_version_update_is_a_conflict_and_the_stored_value_is_unchanged()
    {
        var created = await Store.CreateAsync(Samples.Request("AIP-2026-0004"), Ct);
        var first = await Store.UpdateAsync(created.Value with { State = RequestState.Rejected }, created.Version, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.UpdateAsync(created.Value with { State = RequestState.Approved }, created.Version, Ct));

        var read = await Store.GetAsync("AIP-2026-0004", Ct);
        Assert.Equal(RequestState.Rejected, read!.Value.State);
        Assert.Equal(first.Version, read.Version);
    }

    [Fact]
    public async Task Update_of_a_missing_request_is_a_conflict_not_an_upsert()
    {
        var created = await Store.CreateAsync(Samples.Request("AIP-2026-0005"), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.UpdateAsync(Samples.Request("AIP-2026-0006"), created.Version, Ct));
        Assert.Null(await Store.GetAsync("AIP-2026-0006", Ct));
    }

    [Fact]
    public async Task Two_concurrent_decisions_on_one_request_end_in_exactly_one_winner()
    {
        var created = await Store.CreateAsync(Samples.Request("AIP-2026-0007"), Ct);
        // Both approvers read the same version, then decide at the same moment.
        var a = Store.GetAsync("AIP-2026-0007", Ct);
        var b = Store.GetAsync("AIP-2026-0007", Ct);
        var readA = (await a)!; var readB = (await b)!;
        Assert.Equal(readA.Version, readB.Version);

        var results = await Task.WhenAll(
            Attempt(readA.Value with { State = RequestState.Approved, AddedConditions = ["by-A"] }, readA.Version),
            Attempt(readB.Value with { State = RequestState.Rejected, AddedConditions = ["by-B"] }, readB.Version));

        Assert.Single(results, r => r is not null);
        var winner = results.Single(r => r is not null)!;
        var stored = (await Store.GetAsync("AIP-2026-0007", Ct))!;
        Assert.Equal(winner.Value.AddedConditions, stored.Value.AddedConditions); // the loser wrote nothing
        Assert.Equal(winner.Version, stored.Version);
        Assert.NotEqual(created.Version, stored.Version);
    }

    private async Task<Versioned<ToolRequest>?> Attempt(ToolRequest request, string version)
    {
        try
        {
            return await Store.UpdateAsync(request, version, Ct);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    [Fact]
    public async Task Lists_by_requester_newest_first_and_open_requests_oldest_first()
    {
        const string alice = "aaaaaaaa-0000-0000-0000-000000000001", bob = "bbbbbbbb-0000-0000-0000-000000000002";
        await Store.CreateAsync(Samples.Request("AIP-2025-0010", alice, RequestState.Approved, Samples.Now.AddYears(-1)), Ct);
        await Store.CreateAsync(Samples.Request("AIP-2026-0011", alice, RequestState.Pending, Samples.Now.AddDays(-2)), Ct);
        await Store.CreateAsync(Samples.Request("AIP-2026-0012", bob, RequestState.Draft, Samples.Now.AddDays(-3)), Ct);
        await Store.CreateAsync(Samples.Request("AIP-2026-0013", bob, RequestState.MoreInformationRequested, Samples.Now.AddDays(-1)), Ct);
        await Store.CreateAsync(Samples.Request("AIP-2026-0014", bob, RequestState.Withdrawn, Samples.Now), Ct);

        var mine = await Store.ListByRequesterAsync(alice, Ct);
        Assert.Equal(["AIP-2026-0011", "AIP-2025-0010"], mine.Select(r => r.Value.Reference));

        var open = await Store.ListOpenAsync(Ct);
        Assert.Equal(["AIP-2026-0012", "AIP-2026-0011", "AIP-2026-0013"], open.Select(r => r.Value.Reference));
    }

    [Fact]
    public async Task Requests_stored_before_the_index_existed_are_listed_after_one_backfill_and_a_request_leaving_open_leaves_the_list()
    {
        const string alice = "aaaaaaaa-0000-0000-0000-000000000021";
        await Store.CreateAsync(Samples.Request("AIP-2026-0021", alice, RequestState.Pending, Samples.Now.AddDays(-2)), Ct);
        var pending = await Store.CreateAsync(Samples.Request("AIP-2026-0022", alice, RequestState.Pending, Samples.Now.AddDays(-1)), Ct);
        // As an older version left the data: requests, and no index at all.
        foreach (var table in new[] { Tables.RequestIndex, Tables.OpenRequests })
        {
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var fresh = Store; // a new process
        Assert.Equal(["AIP-2026-0022", "AIP-2026-0021"], (await fresh.ListByRequesterAsync(alice, Ct)).Select(r => r.Value.Reference));
        Assert.Equal(["AIP-2026-0021", "AIP-2026-0022"], (await fresh.ListOpenAsync(Ct)).Select(r => r.Value.Reference));

        await fresh.UpdateAsync(pending.Value with { State = RequestState.Approved }, pending.Version, Ct);
        Assert.Equal(["AIP-2026-0021"], (await Store.ListOpenAsync(Ct)).Select(r => r.Value.Reference));
        Assert.Equal(2, (await Store.ListByRequesterAsync(alice, Ct)).Count);
    }

    [Fact]
    public async Task A_change_committed_with_its_event_leaves_the_open_list_with_its_follow_up()
    {
        const string carol = "cccccccc-0000-0000-0000-000000000031";
        var created = await Store.CreateAsync(Samples.Request("AIP-2026-0031", carol, RequestState.Pending, Samples.Now), Ct);
        var decided = created.Value with { State = RequestState.Approved, PendingRoles = [] };
        var stored = await Store.UpdateAsync(decided, created.Version, RequestEvent.New(decided.Reference, RequestEventKind.Decided, Samples.Now, "cio"), Ct);

        // The commit alone leaves the copy as it was: the follow-up moves it (moments later, in the queue job).
        Assert.Contains("AIP-2026-0031", (await Store.ListOpenAsync(Ct)).Select(r => r.Value.Reference));
        var followUp = new RequestIndexFollowUp(Tables);
        var decidedEvent = RequestEvent.New(decided.Reference, RequestEventKind.Decided, Samples.Now, "cio");
        await followUp.HandleAsync(decidedEvent, stored.Request, Ct);
        await followUp.HandleAsync(decidedEvent, stored.Request, Ct); // a second copy of the event changes nothing
        Assert.DoesNotContain("AIP-2026-0031", (await Store.ListOpenAsync(Ct)).Select(r => r.Value.Reference));
        Assert.DoesNotContain("AIP-2026-0031", (await Store.ListOpenSummariesAsync(Ct)).Select(r => r.Reference));
        Assert.Equal(["AIP-2026-0031"], (await Store.ListByRequesterAsync(carol, Ct)).Select(r => r.Value.Reference));
    }

    [Fact]
    public async Task The_open_list_in_narrow_columns_says_what_the_whole_requests_say()
    {
        await Store.CreateAsync(Samples.Request("AIP-2026-0041", state: RequestState.Pending, submitted: Samples.Now.AddDays(-1)) with
        {
            RequesterName = "Dana, Head of Maths",
            PendingRoles = ["CDO", "DPO"],
        }, Ct);
        await Store.CreateAsync(Samples.Request("AIP-2026-0042", state: RequestState.MoreInformationRequested, submitted: Samples.Now), Ct);

        var whole = (await Store.ListOpenAsync(Ct)).Select(v => OpenRequest.Of(v.Value)).ToList();
        var narrow = await Store.ListOpenSummariesAsync(Ct);
        Assert.Equal(["AIP-2026-0041", "AIP-2026-0042"], narrow.Select(r => r.Reference));
        Assert.Equal(whole.Select(Text), narrow.Select(Text));
        Assert.Equal(["CDO", "DPO"], narrow[0].PendingRoles);
    }

    private static string Text(OpenRequest r) =>
        $"{r.Reference}|{r.RequesterId}|{r.RequesterName}|{r.AcademyId}|{r.ToolName}|{r.State}|{string.Join(',', r.PendingRoles)}|{r.SubmittedAt:O}";

    [Fact]
    public async Task A_person_with_thousands_of_requests_is_listed_whole_from_one_row()
    {
        const string prolific = "dddddddd-0000-0000-0000-000000000051";
        var index = new RequestIndex(Tables);
        var references = Enumerable.Range(1, 3000).Select(n => $"AIP-2025-{n:D4}").ToList();
        await index.ListAsync(prolific, references[..1500], Ct);
        await Task.WhenAll(references[1500..].Chunk(300).Select(chunk => Task.Run(() => index.ListAsync(prolific, chunk, Ct)))); // racing writers
        await index.ListAsync(prolific, references[..10], Ct); // already listed: nothing changes

        Assert.Equal(references, await index.ReferencesOfAsync(prolific, Ct));
    }

    [Fact]
    public async Task Fifty_references_taken_in_parallel_are_all_different_and_consecutive()
    {
        var references = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Store.NextReferenceAsync(2027, Ct))));

        Assert.Equal(50, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches(@"^AIP-2027-\d{4}$", r));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"AIP-2027-{n:D4}"), references.Order());
        Assert.Equal("AIP-2028-0001", await Store.NextReferenceAsync(2028, Ct)); // each year counts from 1
        Assert.Equal("AIP-2027-0051", await Store.NextReferenceAsync(2027, Ct));
    }
}
