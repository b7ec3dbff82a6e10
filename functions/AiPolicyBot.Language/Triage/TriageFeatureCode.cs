using System.Security.Cryptography;
using System.Text;

namespace AiPolicyBot.Language.Triage;

/// <summary>
/// A fingerprint of the source that turns a mail into the model's features and trains the model (zones, evidence,
/// rules, the breach detector, the model row and numeric features, the trainer), embedded in this assembly by the
/// project file. The training command records it in the model file; a test fails when the code has changed since the
/// committed model was trained (docs/triage-quality.md "Retraining").
/// </summary>
public static class TriageFeatureCode
{
    private const string Prefix = "TriageFeatureCode/";

    public static string Fingerprint()
    {
        var assembly = LanguageAssembly.Instance;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + reader.ReadToEnd().Replace("\r", "", StringComparison.Ordinal) + "\n"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
