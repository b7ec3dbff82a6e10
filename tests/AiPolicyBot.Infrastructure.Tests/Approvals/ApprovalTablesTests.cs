using AiPolicyBot.Approvals;
using AiPolicyBot.Infrastructure.Approvals;
using AiPolicyBot.Infrastructure.Tests.Storage;
using AiPolicyBot.Policy;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Infrastructure.Tests.Approvals;

public sealed class ApprovalTablesTests() : TestTables("apprtab"), IAsyncLifetime
{
    private ApprovalTables Approval => _approval ??= new ApprovalTables(new TableServiceClient(ConnectionString), Options);
    private ApprovalTables? _approval;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var t in Approval.All) await t.DeleteAsync();
    }

    [Fact]
    public async Task Card_copies_are_kept_per_request_and_adding_one_twice_is_a_no_op()
    {
        var store = new TableApprovalCardStore(Approval);
        var copy = new ApprovalCardCopy("AIP-2026-0042", CardAudience.Approver, Cio, "a:1Xk/#?chat", "1632474074231", "http://127.0.0.1:28010/");
        await store.AddAsync(copy, default);
        await store.AddAsync(copy, default);
        await store.AddAsync(copy with { Audience = CardAudience.Channel, UserId = null, ConversationId = "19:x@thread.tacv2" }, default);
        await store.AddAsync(copy with { Reference = "AIP-2026-0043" }, default);
        var list = await store.ListAsync("AIP-2026-0042", default);
        Assert.Equal(2, list.Count);
        Assert.Contains(copy, list);
        Assert.Contains(list, c => c.Audience == CardAudience.Channel && c.UserId is null);
    }

    [Fact]
    public async Task Overrides_replace_configured_holders_and_malformed_ids_are_refused()
    {
        var store = new TableApproverOverrideStore(Approval);
        await store.SetAsync(new ApproverOverride(ApproverRoles.Dpo, null, Stranger, [CioDeputy]), default);
        await store.SetAsync(new ApproverOverride(ApproverRoles.AcademyLeader, "oakfield", BrookmereLeader, []), default);
        await store.SetAsync(new ApproverOverride(ApproverRoles.Dpo, null, Stranger, []), default);   // replace with ETag
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetAsync(new ApproverOverride(ApproverRoles.Cio, null, "bob", []), default));

        var source = new ApproverDirectorySource(Directory(), store, TimeProvider.System);
        var directory = await source.GetAsync(default);
        Assert.Equal(Stranger, directory.TrustRoles[ApproverRoles.Dpo].Primary);
        Assert.Empty(directory.TrustRoles[ApproverRoles.Dpo].Deputies);
        Assert.True(directory.Holds(BrookmereLeader, ApproverRoles.AcademyLeader, "oakfield"));
        Assert.False(directory.Holds(OakfieldLeader, ApproverRoles.AcademyLeader, "oakfield"));
        Assert.Equal(Cio, directory.TrustRoles[ApproverRoles.Cio].Primary);
    }

    [Fact]
    public void Configuration_keys_map_to_roles_deputies_and_academy_leaders()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approvers:CIO"] = Cio,
            ["Approvers:CIO:Deputies:0"] = CioDeputy,
            ["Approvers:CDO"] = Cdo,
            ["Approvers:DPO:Id"] = Dpo,                      // the JSON-file form
            ["Approvers:DPO:Deputies:0"] = Stranger,
            ["Academies:oakfield:Name"] = "Oakfield Primary",
            ["Academies:oakfield:Leader"] = OakfieldLeader,
            ["Academies:oakfield:Deputies:0"] = OakfieldDeputy,
        }).Build();
        var directory = ConfiguredApprovers.Read(config, localDemoSelfApproval: false);
        Assert.Equal([CioDeputy], directory.TrustRoles[ApproverRoles.Cio].Deputies);
        Assert.True(directory.Holds(OakfieldDeputy, ApproverRoles.AcademyLeader, "oakfield"));
        Assert.Equal(new RoleHolders(Dpo, [Stranger]).All, directory.TrustRoles[ApproverRoles.Dpo].All);
        Assert.Equal(["Approvers:IT is missing: set it to the Entra object id of the IT."], ApproverDirectoryCheck.Problems(directory));
    }

    [Fact]
    public void Information_Assurance_and_administrators_see_every_request_and_survive_overrides()
    {
        const string Ia = "00000000-0000-0000-0000-0000000001a1", Admin = "00000000-0000-0000-0000-0000000001a2";
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approvers:DPO"] = Dpo,
            ["Approvers:InformationAssurance:0"] = Ia,
            ["Approvers:Administrators:0"] = Admin,
        }).Build();
        var directory = ConfiguredApprovers.WithOverrides(ConfiguredApprovers.Read(config, localDemoSelfApproval: false), []);
        var request = AcademyRequest();
        Assert.All(new[] { Ia, Admin, Dpo }, id => Assert.True(RequestVisibility.MaySee(request, directory, id)));
        Assert.False(RequestVisibility.MaySee(request, directory, Stranger));
        Assert.False(ApprovalAuthorizer.Authorize(request, directory, Ia).CanDecide); // seeing is not deciding
    }
}
