using System.Text.RegularExpressions;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Where durable state lives. The connection string is the Functions host's own <c>AzureWebJobsStorage</c> (also read
/// by the local host); <see cref="TablePrefix"/> lets tests and parallel runs keep their tables apart.
/// </summary>
public sealed partial class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringKey = "AzureWebJobsStorage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>
    /// Identity-based connection, as the Functions host reads it (<c>AzureWebJobsStorage__accountName</c>): when set,
    /// no connection string or key is used; the managed identity <see cref="ClientId"/> (user-assigned) signs in.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of the user-assigned managed identity (<c>AzureWebJobsStorage__clientId</c>); absent = system-assigned.</summary>
    public string? ClientId { get; set; }

    /// <summary>Letters and digits only, starting with a letter (Table names allow nothing else).</summary>
    public string TablePrefix { get; set; } = "AiPolicyBot";

    public string TableName(string suffix)
    {
        var name = TablePrefix + suffix;
        if (!TableNamePattern().IsMatch(name))
            throw new InvalidOperationException(
                $"Storage:TablePrefix must be letters and digits starting with a letter (table name '{name}' is invalid).");
        return name;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
