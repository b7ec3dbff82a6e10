namespace AiPolicyBot.Requests;

public static class RequestStates
{
    /// <summary>States in which a request still waits for the requester or an approver.</summary>
    public static readonly IReadOnlyList<RequestState> Open =
        [RequestState.Draft, RequestState.Pending, RequestState.MoreInformationRequested];

    public static bool IsOpen(this RequestState state) => Open.Contains(state);
}
