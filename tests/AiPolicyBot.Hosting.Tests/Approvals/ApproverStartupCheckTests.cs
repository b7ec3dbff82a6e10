using AiPolicyBot.Approvals;
using AiPolicyBot.Hosting.Approvals;
using AiPolicyBot.Testing.Hosts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Hosting.Tests.Approvals;

public class ApproverStartupCheckTests
{
    private static Task Start(ApproverDirectory directory, string environment, bool localDemo = false) =>
        new ApproverDirectoryStartupCheck(directory, Options.Create(new ApprovalOptions { LocalDemoSelfApproval = localDemo }), new TestHostEnvironment(environment),
            NullLogger<ApproverDirectoryStartupCheck>.Instance).StartAsync(default);

    private static ApproverDirectory Incomplete() => Directory() with
    {
        TrustRoles = new Dictionary<string, RoleHolders> { ["CIO"] = new("not-a-guid", []) },
    };

    [Fact]
    public async Task Outside_Development_an_incomplete_directory_stops_the_host_naming_every_problem()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Start(Incomplete(), Environments.Production));
        Assert.Contains("Approvers:CIO is not an Entra object id", e.Message, StringComparison.Ordinal);
        Assert.Contains("Approvers:DPO is missing", e.Message, StringComparison.Ordinal);
        await Start(Directory(), Environments.Production);
    }

    [Fact]
    public async Task In_Development_it_only_warns() => await Start(Incomplete(), Environments.Development);

    [Fact]
    public async Task The_local_demo_switch_refuses_to_start_outside_Development()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Start(Directory(), Environments.Production, localDemo: true));
        Assert.Contains("LocalDemoSelfApproval", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Start(Directory(), Environments.Staging, localDemo: true));
        await Start(Directory(), Environments.Development, localDemo: true);
    }
}
