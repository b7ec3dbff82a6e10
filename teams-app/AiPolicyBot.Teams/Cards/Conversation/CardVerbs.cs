namespace AiPolicyBot.Teams.Cards.Conversation;

/// <summary>Action.Execute verbs of the staff conversation cards; one handler class per verb.</summary>
public static class CardVerbs
{
    /// <summary>Open the request wizard (data: prefill answers).</summary>
    public const string StartRequest = "startRequest";
    /// <summary>Next or back in the wizard (data: sessionId, step, direction, answers).</summary>
    public const string WizardStep = "requestWizardStep";
    /// <summary>Submit the wizard (data: sessionId, answers).</summary>
    public const string SubmitRequest = "submitRequest";
    /// <summary>"I've completed the training" (data: entryId).</summary>
    public const string RecordTraining = "recordTraining";
    public const string MyRequests = "showMyRequests";
    public const string ApprovedTools = "showApprovedTools";
    public const string Help = "showHelp";
    /// <summary>A button of a clarifying question (data: intent, text): answers the original text as that intent.</summary>
    public const string Clarified = "clarified";
}
