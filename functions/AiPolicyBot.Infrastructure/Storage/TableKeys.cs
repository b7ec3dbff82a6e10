using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AiPolicyBot.Infrastructure.Storage;

/// <summary>
/// Turns ids into PartitionKey/RowKey values. Table keys forbid / \ # ? and control characters, and some characters
/// misbehave in URLs, so plain ids (GUIDs, slugs, references) are kept readable and anything else becomes
/// "~" + a SHA-256 (base64url). "~" never appears in a kept id, so the two forms cannot collide.
/// The original id is always stored in a column as well.
/// </summary>
public static partial class TableKeys
{
    private const int MaxPlainLength = 200;

    public static string Safe(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is > 0 and <= MaxPlainLength && Plain().IsMatch(id)) return id;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return "~" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    [GeneratedRegex("^[A-Za-z0-9._@:-]+$")]
    private static partial Regex Plain();
}
