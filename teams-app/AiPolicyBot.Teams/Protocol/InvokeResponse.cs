namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// Not a wire object (teams-protocol.md §3.5): <see cref="Status"/> becomes the HTTP status code and
/// <see cref="Body"/> the JSON body (none when null).
/// </summary>
public sealed record InvokeResponse(int Status, object? Body = null)
{
    /// <summary>200 with no body: success without content, e.g. a dialog that simply closes.</summary>
    public static InvokeResponse Ok() => new(200);

    public static InvokeResponse Ok(object body) => new(200, body);

    /// <summary>501: no handler for that invoke name (botbuilder CloudAdapterBase).</summary>
    public static InvokeResponse NotImplemented() => new(501);
}
