using AiPolicyBot.Common;

namespace AiPolicyBot.Teams.Protocol;

/// <summary>
/// The shape an activity must have before anything reads it (docs/security.md, "The channel edge"): the fields a
/// handler relies on are present, ids are short and free of control characters, and the two places Teams puts the
/// tenant agree. Anything else is a 400 naming the field, so a malformed activity never reaches a handler, the
/// connector (a huge id made its URL too long) or Table Storage (a huge id outgrew a property). Real Teams ids are
/// well under 200 characters; the limits leave room without letting one request cost storage or the connector.
/// </summary>
public static class ActivityValidator
{
    public const int MaxIdLength = 512;
    public const int MaxTypeLength = 64;
    public const int MaxNameLength = 256;
    public const int MaxTenantIdLength = 64;
    public const int MaxServiceUrlLength = 2048;
    public const int MaxShortTextLength = 64;
    public const int MaxConversationNameLength = 1024;

    /// <summary>Every problem found, empty when the activity may go on to authentication.</summary>
    public static IReadOnlyList<FieldError> Validate(Activity activity)
    {
        var errors = new List<FieldError>();
        Token(errors, "type", activity.Type, MaxTypeLength, required: true);
        Token(errors, "channelId", activity.ChannelId, MaxShortTextLength, required: true);
        ServiceUrl(errors, activity.ServiceUrl);
        Id(errors, "id", activity.Id);
        Id(errors, "replyToId", activity.ReplyToId);
        Text(errors, "name", activity.Name, MaxNameLength);
        Text(errors, "action", activity.Action, MaxShortTextLength);
        Text(errors, "locale", activity.Locale, MaxShortTextLength);

        // Every handled type answers someone in a conversation, so both must be there (a message with no sender
        // was a 500: nothing downstream can say who asked).
        var needsSender = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        var needsConversation = needsSender || activity.Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;
        Account(errors, "from", activity.From, needsSender);
        Account(errors, "recipient", activity.Recipient, required: false);
        Conversation(errors, activity.Conversation, needsConversation);
        Members(errors, "membersAdded", activity.MembersAdded);
        Members(errors, "membersRemoved", activity.MembersRemoved);
        Tenant(errors, activity);
        return errors;
    }

    private static void Account(List<FieldError> errors, string field, ChannelAccount? account, bool required)
    {
        if (account is null)
        {
            if (required) errors.Add(new(field, "is required"));
            return;
        }

        Id(errors, field + ".id", account.Id, required);
        Id(errors, field + ".aadObjectId", account.AadObjectId, required: false, MaxTenantIdLength);
        Name(errors, field + ".name", account.Name, MaxNameLength);
    }

    private static void Conversation(List<FieldError> errors, ConversationAccount? conversation, bool required)
    {
        if (conversation is null)
        {
            if (required) errors.Add(new("conversation", "is required"));
            return;
        }

        Id(errors, "conversation.id", conversation.Id, required);
        Text(errors, "conversation.conversationType", conversation.ConversationType, MaxShortTextLength);
        Name(errors, "conversation.name", conversation.Name, MaxConversationNameLength);
    }

    private static void Members(List<FieldError> errors, string field, IReadOnlyList<ChannelAccount>? members)
    {
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (members[i] is null) errors.Add(new($"{field}[{i}]", "must be an object"));
            else Id(errors, $"{field}[{i}].id", members[i].Id);
        }
    }

    /// <summary>
    /// The tenant is read from the body, which no signature covers: when Teams names it twice (conversation and
    /// channelData) the two must agree, so the tenant check cannot be passed with one and handled with the other.
    /// </summary>
    private static void Tenant(List<FieldError> errors, Activity activity)
    {
        var conversationTenant = activity.Conversation?.TenantId;
        var channelTenant = activity.ChannelData?.Tenant?.Id;
        Id(errors, "conversation.tenantId", conversationTenant, required: false, MaxTenantIdLength);
        Id(errors, "channelData.tenant.id", channelTenant, required: false, MaxTenantIdLength);
        if (conversationTenant is not null && channelTenant is not null
            && !string.Equals(conversationTenant, channelTenant, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("channelData.tenant.id", "must equal conversation.tenantId"));
        }
    }

    private static void ServiceUrl(List<FieldError> errors, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new("serviceUrl", "is required"));
        }
        else if (url.Length > MaxServiceUrlLength)
        {
            errors.Add(new("serviceUrl", $"must be at most {MaxServiceUrlLength} characters"));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(new("serviceUrl", "must be an absolute http(s) URL"));
        }
    }

    /// <summary>A type or channel id: a short run of letters, digits and <c>-_.</c>.</summary>
    private static void Token(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new(field, "is required"));
            return;
        }

        if (value.Length > max || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(new(field, $"must be 1 to {max} letters, digits, '-', '_' or '.'"));
        }
    }

    /// <summary>An id: goes into connector URLs and table keys, so it is bounded and has no control characters.</summary>
    private static void Id(List<FieldError> errors, string field, string? value, bool required = false, int max = MaxIdLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors.Add(new(field, "is required"));
            return;
        }

        if (value.Length > max)
        {
            errors.Add(new(field, $"must be at most {max} characters"));
        }
        else if (HasUnsafeCharacter(value))
        {
            errors.Add(new(field, "must not contain control characters or unpaired surrogates"));
        }
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is null) return;
        if (value.Length > max) errors.Add(new(field, $"must be at most {max} characters"));
        else if (HasUnsafeCharacter(value)) errors.Add(new(field, "must not contain control characters or unpaired surrogates"));
    }

    /// <summary>A display name: only shown, never a key, so any character goes; the length is still bounded.</summary>
    private static void Name(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) errors.Add(new(field, $"must be at most {max} characters"));
    }

    private static bool HasUnsafeCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c)) return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }

        return false;
    }
}
