namespace AiPolicyBot.Application.Register;

/// <summary>
/// Who changed the register, as the audit records it: a person's Entra object id, <c>import:&lt;file name&gt;</c>
/// for an import, or <c>key:automation</c> for a caller with the admin key (docs/register-admin.md).
/// </summary>
public sealed record RegisterActor(string Id)
{
    public static RegisterActor Person(string objectId) => new(objectId);

    public static RegisterActor Import(string? fileName) =>
        new("import:" + (string.IsNullOrWhiteSpace(fileName) ? "upload" : new string(fileName.Trim().Take(100).Where(c => !char.IsControl(c)).ToArray())));

    public static RegisterActor Automation { get; } = new("key:automation");
}
