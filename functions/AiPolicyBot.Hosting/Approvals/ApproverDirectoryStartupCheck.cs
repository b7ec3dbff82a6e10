using AiPolicyBot.Approvals;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Approvals;

/// <summary>
/// Checks the approver directory when the host starts: a missing role or a malformed Entra object id stops the host
/// outside Development with every problem listed (fail fast: approvals would otherwise go nowhere), and is a warning
/// in Development. The local demo switch (one person decides their own request) refuses to start outside Development.
/// </summary>
public sealed class ApproverDirectoryStartupCheck(ApproverDirectory directory, IOptions<ApprovalOptions> options, IHostEnvironment environment,
    ILogger<ApproverDirectoryStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var development = environment.IsDevelopment();
        if (options.Value.LocalDemoSelfApproval && !development)
            throw new InvalidOperationException(
                "Approval:LocalDemoSelfApproval is on outside Development. It lets people decide their own requests and is for local demos only: remove it.");
        if (options.Value.LocalDemoSelfApproval)
            logger.LogWarning("Approval:LocalDemoSelfApproval is on: separation of duties is OFF (local demo; cards say so)");

        var problems = ApproverDirectoryCheck.Problems(directory);
        if (problems.Count == 0) return Task.CompletedTask;
        var message = "The approver directory is incomplete:\n  " + string.Join("\n  ", problems);
        if (!development) throw new InvalidOperationException(message);
        logger.LogWarning("{Problems}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
