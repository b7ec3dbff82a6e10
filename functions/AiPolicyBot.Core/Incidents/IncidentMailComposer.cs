using System.Globalization;
using AiPolicyBot.Mail;

namespace AiPolicyBot.Incidents;

/// <summary>The DPO's reminder email for a case still without a decision, from the stored case (facts only). Pure.</summary>
public static class IncidentMailComposer
{
    public static MailMessage Reminder(string jobId, IncidentCase c, int hours, string to, DateTimeOffset now)
    {
        var left = IncidentClock.HoursLeft(c, now);
        var subject = $"Reminder: incident {c.Id} has no decision after {hours} hours";
        var intro = $"Incident case {c.Id} opened {MailText.Time(c.OpenedAt)} and still has no decision on whether it is reportable "
                    + "to the ICO. A reportable personal-data breach must reach the ICO within 72 hours of the Trust becoming aware "
                    + $"of it; {(left >= 0 ? left.ToString("0", CultureInfo.InvariantCulture) + " hours are left" : "that time has passed")}. "
                    + "Open the case card in Teams or the Incidents page of the AiPolicyBot tab to record the decision.";
        var rows = new List<(string, string)>
        {
            ("Case", c.Id),
            ("Source", MailText.Words(c.Source)),
            ("Severity", MailText.Words(c.Severity)),
            ("Opened", MailText.Time(c.OpenedAt)),
            ("72 hours end", MailText.Time(c.DueAt)),
        };
        rows.AddRange(c.Facts.Select(f => (f.Label, f.Value)));
        return NoticeMail.Build(jobId, to, subject, $"Incident {c.Id}: decision due", intro, rows, c.Id);
    }
}
