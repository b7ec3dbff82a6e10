namespace AiPolicyBot.Teams.Conversation.Wizard;

public enum QuestionKind { Text, LongText, Choice, MultiChoice, Toggle }

/// <summary>One question of the request wizard: the intake field it fills (docs/policy-and-register.md) and how it is asked.</summary>
public sealed record WizardQuestion(
    string Field,
    string Label,
    QuestionKind Kind,
    bool Required,
    IReadOnlyList<(string Value, string Title)>? Choices = null,
    string? Placeholder = null);

/// <summary>A short page of questions. <see cref="LearnersOnly"/> pages are skipped when only staff use the tool.</summary>
public sealed record WizardPage(string Id, string Title, string Intro, IReadOnlyList<WizardQuestion> Questions, bool LearnersOnly = false);

/// <summary>
/// The questions of docs/policy-and-register.md in plain English, on four short pages: the tool, the use, learners (only
/// when learners are involved) and data. Field names are the intake's, so parser errors map straight to inputs.
/// </summary>
public static class WizardQuestions
{
    private static (string, string)[] C(params (string, string)[] c) => c;

    public static IReadOnlyList<WizardPage> Pages(IReadOnlyList<(string Id, string Name)> academies) =>
    [
        new("tool", "About the tool", "Tell us which tool you'd like to use and how you get to it.",
        [
            new("toolName", "Tool name", QuestionKind.Text, true, Placeholder: "For example: Perplexity"),
            new("requestType", "What kind of request is this?", QuestionKind.Choice, true, C(
                ("newTool", "A tool the Trust has not approved"), ("newUse", "A new use of an approved tool"),
                ("renewal", "A re-review of a declined, retired or expiring tool"), ("changeOfScope", "A change to an approval's scope"))),
            new("vendor", "Who makes it? (optional)", QuestionKind.Text, false),
            new("toolUrl", "Web address (optional, https://)", QuestionKind.Text, false, Placeholder: "https://"),
            new("edition", "Which edition?", QuestionKind.Choice, true, C(
                ("freeConsumer", "Free version"), ("paidIndividual", "Paid personal subscription"),
                ("educationEnterprise", "Education or business edition"), ("trustTenant", "Part of the Trust's Microsoft 365"),
                ("unknown", "I'm not sure"))),
            new("accessMode", "How would you use it?", QuestionKind.Choice, true, C(
                ("webBrowser", "In a web browser"), ("browserExtension", "As a browser extension"),
                ("desktopApp", "As a desktop app"), ("mobileApp", "As a phone or tablet app"),
                ("addIn", "As an add-in (for example in Word or Outlook)"),
                ("apiOrConsent", "It connects to Trust systems or asks for sign-in permissions"),
                ("featureOfApprovedProduct", "It's a feature of a product we already use"))),
            new("accountType", "Which account would you sign in with? (optional)", QuestionKind.Choice, false, C(
                ("trustSso", "My Trust account"), ("personal", "A personal account"), ("none", "No account"),
                ("pupilAccounts", "Pupils would have accounts"))),
        ]),
        new("use", "How you'll use it", "A few words on what it's for and what happens with what it produces.",
        [
            new("purpose", "What will you use it for?", QuestionKind.LongText, true, Placeholder: "At least 10 characters, for example: draft Year 9 history quizzes from made-up sources"),
            new("useCategory", "Which best describes the use?", QuestionKind.Choice, true, C(
                ("lessonPlanning", "Lesson planning and resources"), ("feedbackMarking", "Feedback and marking"),
                ("adminComms", "Admin, emails and letters"), ("sendEal", "SEND and EAL support"),
                ("dataAnalysis", "Data analysis"), ("safeguarding", "Safeguarding"), ("hr", "HR"), ("finance", "Finance"),
                ("learnerTutoring", "Learner tutoring and practice"), ("assessment", "Assessment and exams"), ("other", "Something else"))),
            new("academyId", "Your academy", QuestionKind.Choice, true, academies.Select(a => (a.Id, a.Name)).ToArray()),
            new("role", "Your role", QuestionKind.Choice, true, C(
                ("teacher", "Teacher"), ("support", "Support staff or TA"), ("leader", "Leader"), ("central", "Central Trust team"),
                ("it", "IT"), ("other", "Other"))),
            new("users", "Who will use it?", QuestionKind.Choice, true, C(
                ("staff", "Staff only"), ("learners", "Learners only"), ("staffAndLearners", "Staff and learners"))),
            new("outputUse", "What will you do with what it produces?", QuestionKind.Choice, true, C(
                ("ideas", "Ideas and inspiration only"), ("draftsEdited", "Drafts that I check and edit"),
                ("recommendationsAboutIndividuals", "Recommendations about individual people"),
                ("scoresAboutIndividuals", "Scores or grades for individual people"),
                ("automaticActions", "It acts automatically (no person in between)"))),
            new("humanReview", "Does a person check the output before it's used? (optional)", QuestionKind.Choice, false, C(
                ("every", "Every output"), ("sample", "A sample"), ("none", "No"))),
            new("significantEffect", "Could the output affect any of these? (optional)", QuestionKind.MultiChoice, false, C(
                ("none", "None of these"), ("access", "Access to education or services"), ("grades", "Grades"),
                ("behaviour", "Behaviour decisions"), ("safeguarding", "Safeguarding"), ("hr", "HR decisions"), ("financial", "Money"))),
            new("jcqAssessed", "Is work for JCQ-assessed qualifications involved? (optional)", QuestionKind.Choice, false, C(
                ("no", "No"), ("learnersProduce", "Learners produce assessed work with it"), ("staffMark", "Staff mark assessed work with it"),
                ("unsure", "I'm not sure"))),
        ]),
        new("learners", "Learners", "Because learners will use it, a few questions about them.",
        [
            new("youngestYearGroup", "Youngest year group", QuestionKind.Choice, true,
                new[] { ("EYFS", "Early years (EYFS)") }.Concat(Enumerable.Range(1, 13).Select(n => ($"Y{n}", $"Year {n}")))
                    .Append(("post16", "Post-16")).ToArray()),
            new("supervision", "How will they use it? (optional)", QuestionKind.Choice, false, C(
                ("supervised", "With staff supervising"), ("independent", "Independently in school"), ("home", "At home"))),
            new("vendorMinAge", "The tool's minimum age in its terms (optional, 0 if none)", QuestionKind.Text, false, Placeholder: "For example: 13"),
            new("filteringMonitoring", "Does it filter harmful content and allow monitoring? (optional)", QuestionKind.Choice, false, C(
                ("yes", "Yes"), ("no", "No"), ("unknown", "I don't know"))),
            new("aiProducesAssessedWork", "Would the AI write work that learners hand in as their own for assessment?", QuestionKind.Toggle, false),
        ], LearnersOnly: true),
        new("data", "Data", "What goes into the tool, and what the supplier does with it.",
        [
            new("dataCategories", "What information would go into it?", QuestionKind.MultiChoice, true, C(
                ("none", "No personal or sensitive information"), ("pupil", "Pupils' personal data (names, reports…)"),
                ("staff", "Staff personal data"), ("parent", "Parents' or carers' data"),
                ("specialCategory", "SEND, health or other special category data"), ("safeguarding", "Safeguarding information"),
                ("examResults", "Exam results or marks"), ("pupilWork", "Pupils' original work"),
                ("imagesVoiceVideo", "Images, voices or video of people"), ("commercial", "Commercially sensitive information"),
                ("unsure", "I'm not sure"))),
            new("vendorTrainsOnInputs", "Does the supplier use what you type to train its AI?", QuestionKind.Choice, true, C(
                ("no", "No"), ("optOut", "Only if you don't opt out"), ("yes", "Yes"), ("unknown", "I don't know"))),
            new("dataLocation", "Where does it keep data? (optional)", QuestionKind.Choice, false, C(
                ("uk", "UK"), ("eea", "European Economic Area"), ("other", "Elsewhere"), ("unknown", "I don't know"))),
            new("dpaAvailable", "Does the supplier offer a data processing agreement? (optional)", QuestionKind.Choice, false, C(
                ("yes", "Yes"), ("no", "No"), ("unknown", "I don't know"))),
            new("explainable", "Could you explain how it produced an output? (optional)", QuestionKind.Choice, false, C(
                ("yes", "Yes"), ("partly", "Partly"), ("no", "No"))),
            new("protectedCharacteristicImpact", "Could results differ for people with protected characteristics? (optional)", QuestionKind.Choice, false, C(
                ("no", "No"), ("yes", "Yes"), ("unsure", "I'm not sure"))),
            new("declNoDataYet", "Have you already put any personal or commercially sensitive data into this tool?", QuestionKind.Choice, true, C(
                ("true", "No, I haven't"), ("false", "Yes, or I may have (the DPO will check with you)"))),
            new("declReadPolicy", "I have read the Trust AI policy", QuestionKind.Toggle, true),
        ]),
    ];
}
