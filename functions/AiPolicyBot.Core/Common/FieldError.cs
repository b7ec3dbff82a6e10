namespace AiPolicyBot.Common;

/// <summary>One bad input field: its contract name and what is wrong, in plain English.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Thrown or returned when input fails validation; HTTP maps it to 400 with the field names.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception("Invalid input: " + string.Join(", ", errors.Select(e => e.Field)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
