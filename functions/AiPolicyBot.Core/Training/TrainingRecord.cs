namespace AiPolicyBot.Training;

/// <summary>
/// A person completed the training a register entry requires (condition TRAINING_BEFORE_FIRST_USE), under a given
/// version of the policy. Stores only the pseudonymous Entra object id, never a name or e-mail.
/// </summary>
public sealed record TrainingRecord(string UserId, string EntryId, DateTimeOffset CompletedAt, string PolicyVersion);
