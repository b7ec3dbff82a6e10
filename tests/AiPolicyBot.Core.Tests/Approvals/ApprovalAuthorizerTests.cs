using AiPolicyBot.Approvals;
using AiPolicyBot.Requests;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Core.Tests.Approvals;

public class ApprovalAuthorizerTests
{
    public static TheoryData<string, string, string> TrustMatrix => new()
    {
        // user, expected decidable roles (comma-separated), why
        { Cio, "CIO", "the CIO" },
        { CioDeputy, "CIO", "a deputy counts for their role" },
        { Cdo, "CDO", "the CDO" },
        { Dpo, "DPO", "the DPO" },
        { ItLead, "", "IT is not required on the Trust tier" },
        { OakfieldLeader, "", "an academy leader is not a Trust approver" },
        { Stranger, "", "someone with no role" },
        { Teacher, "", "the requester" },
    };

    [Theory, MemberData(nameof(TrustMatrix))]
    public void Trust_tier_only_the_holders_of_pending_roles_may_decide(string user, string expected, string why)
    {
        var access = ApprovalAuthorizer.Authorize(TrustRequest(), Directory(), user);
        Assert.True(string.Join(",", access.DecidableRoles) == expected, why);
        Assert.Equal(expected.Length > 0, access.CanDecide);
    }

    public static TheoryData<string, string, bool> AcademyMatrix => new()
    {
        { "oakfield", OakfieldLeader, true },
        { "oakfield", OakfieldDeputy, true },
        { "oakfield", BrookmereLeader, false },
        { "brookmere", BrookmereLeader, true },
        { "brookmere", OakfieldLeader, false },
        { "oakfield", Cio, false },
        { "unknownacademy", OakfieldLeader, false },
    };

    [Theory, MemberData(nameof(AcademyMatrix))]
    public void Academy_tier_only_that_academys_leader_or_deputy_may_decide(string academy, string user, bool allowed) =>
        Assert.Equal(allowed, ApprovalAuthorizer.Authorize(AcademyRequest(academy: academy), Directory(), user).CanDecide);

    [Fact]
    public void Nobody_decides_their_own_request_even_when_they_hold_the_role()
    {
        var own = TrustRequest(requester: Cio);
        var access = ApprovalAuthorizer.Authorize(own, Directory(), Cio);
        Assert.False(access.CanDecide);
        Assert.True(access.IsRequester);
        Assert.DoesNotContain(Cio, ApprovalAuthorizer.PendingApproverIds(own, Directory()));
        Assert.Contains(CioDeputy, ApprovalAuthorizer.PendingApproverIds(own, Directory()));
    }

    [Fact]
    public void The_local_demo_switch_is_the_only_way_to_decide_ones_own_request()
    {
        var own = TrustRequest(requester: Cio);
        Assert.True(ApprovalAuthorizer.Authorize(own, Directory(localDemo: true), Cio).CanDecide);
        Assert.False(ApprovalAuthorizer.Authorize(own, Directory(localDemo: false), Cio).CanDecide);
    }

    [Fact]
    public void A_role_already_decided_and_requests_not_pending_give_no_rights()
    {
        var request = TrustRequest() with { PendingRoles = ["CDO", "DPO"] };
        Assert.False(ApprovalAuthorizer.Authorize(request, Directory(), Cio).CanDecide);
        foreach (var state in new[] { RequestState.Approved, RequestState.Rejected, RequestState.Withdrawn, RequestState.Expired, RequestState.MoreInformationRequested })
            Assert.False(ApprovalAuthorizer.Authorize(TrustRequest() with { State = state }, Directory(), Cdo).CanDecide);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_user_id_gives_no_rights(string? user) =>
        Assert.False(ApprovalAuthorizer.Authorize(TrustRequest(), Directory(), user).CanDecide);

    [Fact]
    public void Ids_compare_case_insensitively_as_Entra_guids_do() =>
        Assert.True(ApprovalAuthorizer.Authorize(TrustRequest(), Directory(), Cio.ToUpperInvariant()).CanDecide);

    [Fact]
    public void A_listed_open_request_gives_the_same_answer_as_the_whole_request()
    {
        ToolRequest[] requests =
        [
            TrustRequest(), TrustRequest(requester: Cio), TrustRequest() with { PendingRoles = ["CDO", "DPO"] },
            TrustRequest() with { State = RequestState.MoreInformationRequested }, AcademyRequest(academy: "oakfield"), AcademyRequest(academy: "brookmere"),
        ];
        string?[] people = [Cio, CioDeputy, Cdo, Dpo, ItLead, OakfieldLeader, OakfieldDeputy, BrookmereLeader, Stranger, Teacher, null];
        foreach (var request in requests)
            foreach (var directory in new[] { Directory(), Directory(localDemo: true) })
                foreach (var person in people)
                    Assert.Equal(ApprovalAuthorizer.Authorize(request, directory, person).CanDecide,
                        ApprovalAuthorizer.MayDecide(OpenRequest.Of(request), directory, person));
    }
}
