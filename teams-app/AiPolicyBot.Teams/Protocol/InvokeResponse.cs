namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// Not a wire object: <see cref="Status"/> becomes the HTTP status code and <see cref="Body"/> the JSON body (none
/// when null). Made by <see cref="InvokeResponseFactory"/>.
/// </summary>
public sealed record InvokeResponse(int Status, object? Body = null);
