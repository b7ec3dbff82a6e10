using System.Text.Json;
using AiPolicyBot.Common;

namespace AiPolicyBot.Policy;

/// <summary>
/// Turns a JSON intake (docs/policy-and-register.md) into an <see cref="Intake"/>, applying the defaults of docs/policy-and-register.md
/// and reporting every bad field by its contract name. Unknown keys are ignored; duplicate array values are dropped.
/// </summary>
public sealed class IntakeParser(IReadOnlySet<string> academyIds)
{
    /// <summary>Parses <paramref name="json"/>; on failure Value is null and Errors names every bad field.</summary>
    public ParseResult<Intake> Parse(JsonElement json) => Parse(json, "");

    internal ParseResult<Intake> Parse(JsonElement json, string prefix)
    {
        var errors = new List<FieldError>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(prefix.Length > 0 ? prefix.TrimEnd('.') : "intake", "must be a JSON object"));
            return ParseResult<Intake>.Fail(errors);
        }
        var r = new JsonFieldReader(json, prefix, errors);

        var requestType = r.Enum<RequestType>("requestType", required: true);
        var academyId = r.String("academyId", required: true, minLength: 1, maxLength: 100);
        if (academyId is not null && !academyIds.Contains(academyId))
        {
            r.Error("academyId", "must be a configured academy id or \"trust\"");
            academyId = null;
        }
        var role = r.Enum<StaffRole>("role", required: true);
        var toolName = r.String("toolName", required: true, minLength: 1, maxLength: 100);
        var vendor = r.String("vendor", required: false, maxLength: 100);
        var toolUrl = r.String("toolUrl", required: false, maxLength: 2048);
        if (toolUrl is not null && !IsAbsoluteHttps(toolUrl))
        {
            r.Error("toolUrl", "must be an absolute https:// URL");
        }
        var edition = r.Enum<Edition>("edition", required: true);
        var accessMode = r.Enum<AccessMode>("accessMode", required: true);
        var accountType = r.Enum<AccountType>("accountType", required: false);
        var purpose = r.String("purpose", required: true, minLength: 10, maxLength: 2000);
        var useCategory = r.Enum<UseCategory>("useCategory", required: true);
        var users = r.Enum<UserGroup>("users", required: true);

        // With staff-only use these answers are ignored (docs/policy-and-register.md), so they cannot be wrong either.
        var staffOnly = users == UserGroup.Staff;
        YearGroup? youngest = null;
        Supervision? supervision = null;
        YesNoUnknown? filtering = null;
        if (!staffOnly)
        {
            youngest = r.Enum<YearGroup>("youngestYearGroup", required: users is not null);
            if (users is not null && youngest is null && !r.Has("youngestYearGroup"))
            {
                // The generic "is required" message is already recorded; say why.
                r.Errors[^1] = new FieldError(r.Path("youngestYearGroup"), "is required when learners use the tool");
            }
            supervision = r.Enum<Supervision>("supervision", required: false);
            filtering = r.Enum<YesNoUnknown>("filteringMonitoring", required: false);
        }

        var vendorMinAge = r.Int("vendorMinAge", required: false, min: 0, max: 21);
        var jcq = r.Enum<JcqAssessed>("jcqAssessed", required: false);
        var aiWork = r.Bool("aiProducesAssessedWork", required: false);
        var data = r.EnumArray<DataCategory>("dataCategories", required: true, nonEmpty: true);
        var vendorTrains = r.Enum<VendorTraining>("vendorTrainsOnInputs", required: true);
        var location = r.Enum<DataLocation>("dataLocation", required: false);
        var dpa = r.Enum<YesNoUnknown>("dpaAvailable", required: false);
        var outputUse = r.Enum<OutputUse>("outputUse", required: true);
        var significant = r.EnumArray<SignificantEffect>("significantEffect", required: false, nonEmpty: false);
        var humanReview = r.Enum<HumanReview>("humanReview", required: false);
        var explainable = r.Enum<Explainable>("explainable", required: false);
        var pci = r.Enum<YesNoUnsure>("protectedCharacteristicImpact", required: false);
        var declNoData = r.Bool("declNoDataYet", required: true);
        var declRead = r.Bool("declReadPolicy", required: true);
        if (declRead == false)
        {
            r.Error("declReadPolicy", "must be true: confirm you have read the Trust AI policy");
        }

        if (errors.Count > 0) return ParseResult<Intake>.Fail(errors);

        return ParseResult<Intake>.Ok(new Intake
        {
            RequestType = requestType!.Value,
            AcademyId = academyId!,
            Role = role!.Value,
            ToolName = toolName!,
            Vendor = vendor,
            ToolUrl = toolUrl,
            Edition = edition!.Value,
            AccessMode = accessMode!.Value,
            AccountType = accountType,
            Purpose = purpose!,
            UseCategory = useCategory!.Value,
            Users = users!.Value,
            YoungestYearGroup = youngest,
            Supervision = supervision,
            VendorMinAge = vendorMinAge ?? 0,
            JcqAssessed = jcq ?? JcqAssessed.No,
            AiProducesAssessedWork = aiWork ?? false,
            DataCategories = data!,
            VendorTrainsOnInputs = vendorTrains!.Value,
            DataLocation = location,
            DpaAvailable = dpa,
            OutputUse = outputUse!.Value,
            SignificantEffect = significant is { Count: > 0 } ? significant : [SignificantEffect.None],
            HumanReview = humanReview,
            Explainable = explainable,
            ProtectedCharacteristicImpact = pci,
            FilteringMonitoring = filtering,
            DeclNoDataYet = declNoData!.Value,
            DeclReadPolicy = true,
        });
    }

    private static bool IsAbsoluteHttps(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host);
}

/// <summary>Either a value or the field errors that prevented it.</summary>
public sealed record ParseResult<T>(T? Value, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool Succeeded => Value is not null;
    public static ParseResult<T> Ok(T value) => new(value, []);
    public static ParseResult<T> Fail(IReadOnlyList<FieldError> errors) => new(null, errors);
}
