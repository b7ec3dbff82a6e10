using System.Text.Json;
using AiPolicyBot.Academies;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Tools.ConversationReport;

/// <summary>The academies of the local host's appsettings.json (the demo Trust), as the bot would see them.</summary>
internal sealed class ReportAcademies(AcademyOptions value) : IOptionsMonitor<AcademyOptions>
{
    public const string SettingsPath = "functions/AiPolicyBot.LocalHost/appsettings.json";

    public AcademyOptions CurrentValue => value;

    public AcademyOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<AcademyOptions, string?> listener) => null;

    public static ReportAcademies Load()
    {
        var options = new AcademyOptions();
        if (File.Exists(SettingsPath))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(SettingsPath));
            if (doc.RootElement.TryGetProperty(AcademyOptions.Section, out var section))
            {
                foreach (var a in section.EnumerateObject())
                {
                    var name = a.Value.TryGetProperty("Name", out var n) ? n.GetString() ?? "" : "";
                    options.Items[a.Name] = new AcademyInfo { Name = name };
                }
            }
        }
        return new ReportAcademies(options);
    }
}
