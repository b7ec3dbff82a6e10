using System.Security.Cryptography;
using System.Text;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Register;

/// <summary>
/// The fingerprint of an entry's content (SHA-256 of its wire JSON without the version), recorded in the audit as the
/// old and new hash of every change, and used to tell "unchanged" from "updated" on import.
/// </summary>
public static class RegisterEntryHash
{
    public static string Of(RegisterEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RegisterEntryWire.ToJson(entry, null).ToJsonString())));

    /// <summary>The wire fields whose values differ (what an audit row and an import preview list).</summary>
    public static IReadOnlyList<string> ChangedFields(RegisterEntry? before, RegisterEntry after)
    {
        var a = before is null ? null : RegisterEntryWire.ToJson(before, null);
        var b = RegisterEntryWire.ToJson(after, null);
        return RegisterEntryWire.Fields.Where(f => f != "version"
            && (a is null || a[f]?.ToJsonString() != b[f]?.ToJsonString())).ToList();
    }
}
