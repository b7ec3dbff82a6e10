using AiPolicyBot.Approvals;
using AiPolicyBot.Policy;
using static AiPolicyBot.Testing.Approvals.ApprovalSamples;

namespace AiPolicyBot.Core.Tests.Approvals;

public class ApproverDirectoryCheckTests
{
    [Fact]
    public void A_complete_directory_has_no_problems() => Assert.Empty(ApproverDirectoryCheck.Problems(Directory()));

    [Fact]
    public void Missing_roles_and_malformed_ids_are_named_by_their_configuration_key()
    {
        var trust = new Dictionary<string, RoleHolders>(Directory().TrustRoles);
        trust.Remove(ApproverRoles.Dpo);
        trust[ApproverRoles.Cio] = new RoleHolders("not-a-guid", ["also bad"]);
        var academies = new Dictionary<string, RoleHolders> { ["oakfield"] = new("x", []) };
        var problems = ApproverDirectoryCheck.Problems(new ApproverDirectory(trust, academies));
        Assert.Contains(problems, p => p.StartsWith("Approvers:DPO is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Approvers:CIO is not an Entra object id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Approvers:CIO:Deputies:0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Academies:oakfield:Leader is not", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Missing_holder_names_the_key_to_set()
    {
        Assert.Equal("Academies:newacademy:Leader", ApproverDirectoryCheck.MissingHolder(Directory(), ApproverRoles.AcademyLeader, "newacademy"));
        Assert.Null(ApproverDirectoryCheck.MissingHolder(Directory(), ApproverRoles.Cio, "oakfield"));
    }
}
