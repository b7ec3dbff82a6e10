using System.Text.Json.Serialization;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// <c>{ "task": {...} }</c>: answer to composeExtension/fetchTask and submitAction, and to task/fetch and task/submit
/// (docs/teams-channel.md).
/// </summary>
public sealed record TaskModuleResponse(TaskModuleResponseBase Task, CacheInfo? CacheInfo = null)
{
    /// <summary>Open (or continue) a dialog showing a card.</summary>
    public static TaskModuleResponse Continue(TaskInfo info) => new(new TaskModuleContinueResponse(info));

    /// <summary>A simple pop-up message.</summary>
    public static TaskModuleResponse Message(string text) => new(new TaskModuleMessageResponse(text));
}

[JsonDerivedType(typeof(TaskModuleContinueResponse))]
[JsonDerivedType(typeof(TaskModuleMessageResponse))]
public abstract record TaskModuleResponseBase([property: JsonPropertyOrder(-1)] string Type);

public sealed record TaskModuleContinueResponse(TaskInfo Value) : TaskModuleResponseBase("continue");

public sealed record TaskModuleMessageResponse(string Value) : TaskModuleResponseBase("message");

/// <summary>
/// The dialog. <see cref="Card"/> is an attachment <c>{contentType, content}</c>, not a bare card (TaskModuleTaskInfo).
/// Height and width are "small", "medium", "large" or pixels.
/// </summary>
public sealed record TaskInfo
{
    public string? Title { get; init; }
    public object? Height { get; init; }
    public object? Width { get; init; }
    public Attachment? Card { get; init; }
    public string? Url { get; init; }
    public string? FallbackUrl { get; init; }

    public static TaskInfo ForCard(string title, object adaptiveCard, object? height = null, object? width = null) => new()
    {
        Title = title,
        Height = height ?? "medium",
        Width = width ?? "medium",
        Card = new Attachment { ContentType = AdaptiveCardInvokeResponse.CardType, Content = adaptiveCard },
    };
}
