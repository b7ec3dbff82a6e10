using AiPolicyBot.Teams.Cards.MessageExtension;
using AiPolicyBot.Teams.Cards.Model;
using AiPolicyBot.Teams.Conversation;
using AiPolicyBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.MessageExtension;

/// <summary>
/// "AI tools" search (composeExtension/query, commandId searchTools): a list of read-only tool-status cards, each with
/// a thumbnail preview (name, status in words). An empty query (initialRun) lists the most asked-about tools.
/// Paged by queryOptions skip/count.
/// </summary>
public sealed class SearchToolsCommand(ToolSearch search, ChatDeepLink links, TimeProvider time, IOptions<MessageExtensionOptions> options)
    : ISearchCommand
{
    /// <summary>Search "AI tools" (compose, command box; initialRun). The id of manifest/manifest.json (composeExtensions[0].commands).</summary>
    public const string Id = "searchTools";

    /// <summary>The search command's one parameter.</summary>
    public const string ParameterName = "searchQuery";

    public string CommandId => Id;

    public async Task<MessagingExtensionResponse> QueryAsync(TurnContext turn, ComposeExtensionQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var count = Math.Min(query.Count, options.Value.MaxResults);
        var entries = query.InitialRun
            ? await search.MostAskedAsync(query.Skip, count, today, ct)
            : await search.SearchAsync(query.Query, query.Skip, count, ct);

        if (entries.Count == 0)
        {
            return MessagingExtensionResponse.Message(query.InitialRun
                ? "No AI tools are in the register yet."
                : query.Skip > 0
                    ? "No more results."
                    : $"No AI tool in the Trust's register matches \"{query.Query}\". It is not approved: ask AI Policy Helper about it or request approval.");
        }

        return MessagingExtensionResponse.Results(entries.Select(e => new MessagingExtensionAttachment(
            AdaptiveCard.ContentType,
            ToolStatusCard.Build(e, today, links.AskAbout(e.Name)).ToJsonObject(),
            new Attachment { ContentType = ThumbnailPreview.ContentType, Content = ToolStatusCard.Preview(e, today) })).ToList());
    }
}
