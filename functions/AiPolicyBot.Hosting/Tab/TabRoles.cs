namespace AiPolicyBot.Hosting.Tab;

/// <summary>The app roles of the tab's app registration (docs/deploy.md): who may administer, who may read reports.</summary>
public static class TabRoles
{
    public const string RegisterAdmin = "Register.Admin";
    public const string ReportsRead = "Reports.Read";
}

/// <summary>Who is calling: a person signed in through Teams (or the local demo sign-in), or automation with the admin key.</summary>
public sealed record SignedInCaller(string ObjectId, string Name, string TenantId, IReadOnlySet<string> Roles, bool IsAutomation = false)
{
    public bool Has(string role) => IsAutomation || Roles.Contains(role);
}
