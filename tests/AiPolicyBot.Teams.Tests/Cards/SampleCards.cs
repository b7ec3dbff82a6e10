using AiPolicyBot.Teams.Cards;
using AiPolicyBot.Teams.Cards.Model;

namespace AiPolicyBot.Teams.Tests.Cards;

/// <summary>Cards that use every element and action of the model, as the feature cards will.</summary>
public static class SampleCards
{
    public const string NastyToolName = "**Chat**_GPT_ [click](https://evil.example) <script>alert(1)</script> & {{DATE(2026-01-01T00:00:00Z, SHORT)}} ${name}";

    public static IEnumerable<(string Name, AdaptiveCard Card)> All() =>
    [
        ("tool status", ToolStatus(NastyToolName)),
        ("request form", RequestForm("Summarise \"reports\" for Year 9 * 2")),
        ("approval with refresh", ApprovalWithRefresh()),
        ("show card and toggle", ShowAndToggle()),
        ("rich text", RichText(NastyToolName)),
    ];

    public static AdaptiveCard ToolStatus(string toolName) => new()
    {
        MsTeams = TeamsCardProperties.FullWidth,
        FallbackText = $"AI tool status: {CardText.Plain(toolName)}",
        Body =
        [
            new Container
            {
                Style = ContainerStyle.Good, Bleed = true,
                Items =
                [
                    new TextBlock { Text = CardText.Escape(toolName), Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading },
                    new TextBlock { Text = "Approved: you can use it without personal data.", Color = TextColor.Good },
                ],
            },
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "auto", Items = [new Image { Url = "https://aipolicybot.example/icons/tool.png", AltText = "Tool icon", Size = ImageSize.Small }] },
                    new Column { Width = "stretch", Items = [new TextBlock { Text = "Review due 1 March 2027", IsSubtle = true }] },
                ],
            },
            new FactSet
            {
                Facts =
                [
                    new Fact("Tool", CardText.Escape(toolName)),
                    new Fact("Data allowed", "No personal data"),
                    new Fact("Policy", "Section 3.1"),
                ],
            },
        ],
        Actions = [new OpenUrlAction { Title = "Open the AI register", Url = "https://aipolicybot.example/register?tool=chatgpt" }],
    };

    public static AdaptiveCard RequestForm(string typedPurpose) => new()
    {
        Body =
        [
            new TextBlock { Text = "Request approval", Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new InputText
            {
                Id = "purpose", Label = "What do you want to use it for?", Placeholder = "For example, drafting lesson plans",
                IsMultiline = true, IsRequired = true, ErrorMessage = "Please say what you want to use it for.",
                MaxLength = 500, Value = typedPurpose,
            },
            new InputText { Id = "url", Label = "Website", Regex = "^https://.+", ErrorMessage = "Start the address with https://" },
            new InputChoiceSet
            {
                Id = "dataKinds", Label = "What data will it see?", IsMultiSelect = true, Style = ChoiceInputStyle.Expanded,
                IsRequired = true, ErrorMessage = "Choose at least one.",
                Choices = [new Choice("No personal data", "none"), new Choice("Staff data", "staff"), new Choice("Pupil data", "pupil")],
                Value = "none",
            },
            new InputChoiceSet
            {
                Id = "ages", Label = "Youngest learners", Style = ChoiceInputStyle.Compact,
                Choices = [new Choice("Under 13", "under13"), new Choice("13 to 17", "13to17")],
            },
            new InputToggle { Id = "learners", Title = "Learners will use it themselves", Label = "Learners", ValueOn = "yes", ValueOff = "no", Value = "no" },
            new InputDate { Id = "startDate", Label = "When do you want to start?", Min = "2026-01-01" },
        ],
        Actions =
        [
            new ExecuteAction { Title = "Send request", Verb = "submitRequest", Style = ActionStyle.Positive, Data = new { draftId = "d-123" } },
            new ExecuteAction { Title = "Cancel", Verb = "cancelRequest", AssociatedInputs = AssociatedInputs.None },
        ],
    };

    public static AdaptiveCard ApprovalWithRefresh() => new()
    {
        Refresh = new CardRefresh
        {
            Action = new ExecuteAction { Verb = "refreshApproval", Data = new { requestId = "AIP-2026-0042" } },
            UserIds = ["29:approver-1", "29:approver-2"],
        },
        Body = [new TextBlock { Text = "AIP-2026-0042 is waiting for your decision." }],
        Actions =
        [
            new ExecuteAction { Title = "Approve", Verb = "approve", Style = ActionStyle.Positive, Data = new { requestId = "AIP-2026-0042" } },
            new ExecuteAction { Title = "Reject", Verb = "reject", Style = ActionStyle.Destructive, Data = new { requestId = "AIP-2026-0042" } },
        ],
    };

    public static AdaptiveCard ShowAndToggle() => new()
    {
        Body =
        [
            new TextBlock { Text = "Conditions", Weight = TextWeight.Bolder },
            new Container { Id = "details", IsVisible = false, Items = [new TextBlock { Text = "Only with staff accounts." }] },
            new ActionSet { Actions = [new ToggleVisibilityAction { Title = "Show the conditions", TargetElements = ["details"] }] },
        ],
        Actions =
        [
            new ShowCardAction
            {
                Title = "Add a comment",
                Card = new AdaptiveCard
                {
                    Body = [new InputText { Id = "comment", Label = "Comment" }],
                    Actions = [new SubmitAction { Title = "Save", Data = new { msteams = new { type = "task/fetch" } } }],
                },
            },
        ],
    };

    public static AdaptiveCard RichText(string toolName) => new()
    {
        Body =
        [
            new RichTextBlock
            {
                Inlines =
                [
                    new TextRun { Text = "You asked about " },
                    new TextRun { Text = CardText.Plain(toolName), Weight = TextWeight.Bolder, Italic = true },
                ],
            },
        ],
    };
}
