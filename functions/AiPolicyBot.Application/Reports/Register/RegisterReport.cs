using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;

namespace AiPolicyBot.Application.Reports.Register;

/// <summary>
/// /api/reports/register: one row per register entry with its status, scope, review date and the days until that
/// review (negative once it is overdue). The register is one small partition that the register cache reads whole
/// anyway (docs/storage.md), so this report reads it through the register store; <c>from</c>/<c>to</c> do not apply.
/// </summary>
public sealed class RegisterReport(IRegisterStore store, TimeProvider time) : Report<RegisterEntry>
{
    public override string Name => "register";

    public override bool UsesPeriod => false;

    protected override IReadOnlyList<ReportColumn<RegisterEntry>> Definition => _definition ??= Build();

    private IReadOnlyList<ReportColumn<RegisterEntry>>? _definition;

    private IReadOnlyList<ReportColumn<RegisterEntry>> Build() =>
    [
        new("id", e => e.Id),
        new("name", e => e.Name),
        new("vendor", e => e.Vendor),
        new("status", e => WireEnum<RegisterStatus>.Name(e.Status)),
        new("users", e => e.Scope.Users is { } u ? WireEnum<UserGroup>.Name(u) : null),
        new("minYearGroup", e => e.Scope.MinYearGroup is { } y ? WireEnum<YearGroup>.Name(y) : null),
        new("dataAllowed", e => e.Scope.DataAllowed),
        new("academies", e => e.Scope.Academies is { } a ? a.ToArray() : "all"),
        new("useCategories", e => e.Scope.UseCategories is { } u ? u.Select(c => WireEnum<UseCategory>.Name(c)).ToArray() : "all"),
        new("reviewBy", e => e.ReviewBy),
        new("daysUntilReview", e => e.ReviewBy is { } r ? r.DayNumber - Today.DayNumber : null),
    ];

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public override async IAsyncEnumerable<RegisterEntry> ReadAsync(ReportPeriod period,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var entries = await store.ListAsync(ct);
        foreach (var e in entries.Select(v => v.Value).OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)) yield return e;
    }
}
