namespace AiPolicyBot.Approvals;

/// <summary>Teams or Graph could not take a message now (throttled, unavailable): worth another try later.</summary>
public sealed class DeliveryDeferredException(string message, Exception? inner = null) : Exception(message, inner);
