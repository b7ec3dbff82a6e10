namespace AiPolicyBot.Application.Reports;

/// <summary>
/// The dates a report covers, both inclusive, as calendar days in UTC (docs/spec/reports.md). Either end may be
/// open. A row belongs to the period when its own date (a request's submission, a mail's arrival) falls inside.
/// </summary>
public sealed record ReportPeriod(DateOnly? From, DateOnly? To)
{
    public static readonly ReportPeriod All = new(null, null);

    /// <summary>The first instant inside the period, or null when it has no start.</summary>
    public DateTimeOffset? StartUtc => From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after the period (midnight after <see cref="To"/>), or null when it has no end.</summary>
    public DateTimeOffset? EndExclusiveUtc => To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public bool Contains(DateTimeOffset instant) =>
        (StartUtc is not { } start || instant >= start) && (EndExclusiveUtc is not { } end || instant < end);
}
