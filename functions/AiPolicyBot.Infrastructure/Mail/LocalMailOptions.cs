namespace AiPolicyBot.Infrastructure.Mail;

/// <summary>
/// Configuration section "LocalMail": where emails go when Graph is not configured. Each email is one file
/// <c>{Root}/outbox/{jobId}.eml</c>. A relative root resolves against the host's current directory, so
/// <c>dotnet run</c> from the repository root writes to <c>.local/mail/outbox/</c> (git-ignored).
/// </summary>
public sealed class LocalMailOptions
{
    public const string Section = "LocalMail";

    public string Root { get; set; } = ".local/mail";

    public string OutboxFolder => Path.Combine(Path.GetFullPath(Root), "outbox");
}
