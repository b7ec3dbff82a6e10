namespace AiPolicyBot.Triage;

/// <summary>The personalData values of docs/spec/triage.md, in their response order.</summary>
public static class PersonalDataKinds
{
    public const string Upn = "upn";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string NiNumber = "niNumber";
    public const string Postcode = "postcode";

    public static readonly IReadOnlyList<string> Ordered = [Upn, Email, Phone, NiNumber, Postcode];
}
