namespace AiPolicyBot.Approvals;

/// <summary>
/// Installs the bot for a person who never opened it, through Graph (docs/deploy.md: the app's catalog id and the
/// TeamsAppInstallation.ReadWriteForUser.All permission), and gives back their 1:1 chat with it.
/// </summary>
public interface ITeamsAppInstaller
{
    Task<TeamsInstall> InstallForUserAsync(string userId, CancellationToken ct);
}

/// <summary>What installing gave: the personal chat's id when it worked.</summary>
public sealed record TeamsInstall(TeamsInstallStatus Status, string? ChatId = null)
{
    public static readonly TeamsInstall Refused = new(TeamsInstallStatus.Refused);
    public static readonly TeamsInstall Failed = new(TeamsInstallStatus.Failed);
}

public enum TeamsInstallStatus
{
    /// <summary>Installed now or before; <see cref="TeamsInstall.ChatId"/> is the personal chat.</summary>
    Installed,
    /// <summary>Graph refused for good (no such user, no licence, blocked by policy, no permission): do not retry.</summary>
    Refused,
    /// <summary>Throttled or unavailable: worth another try later.</summary>
    Failed,
}
