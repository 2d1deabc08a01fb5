namespace Beacon.Bot.Protocol;

using System.Globalization;
using System.Text.Json;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;

/// <summary>Turns a wire activity into the <see cref="IncomingTurn"/> that conversation flows see.</summary>
public static class ActivityMapper
{
    public static IncomingTurn ToIncomingTurn(Activity activity, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var kind = KindOf(activity);
        var tenantId = TenantOf(activity);
        var clientInfo = activity.Entities?.FirstOrDefault(e =>
            e is not null && string.Equals(e.Type, Entity.ClientInfoType, StringComparison.OrdinalIgnoreCase));
        var from = activity.From;
        var address = new ConversationAddress(
            activity.ServiceUrl ?? string.Empty,
            activity.ChannelId ?? string.Empty,
            activity.Conversation?.Id ?? string.Empty,
            activity.Recipient?.Id ?? string.Empty,
            from?.Id ?? string.Empty,
            string.IsNullOrEmpty(tenantId) ? null : tenantId);

        string? text = null;
        string? verb = null;
        IReadOnlyDictionary<string, string> data = new Dictionary<string, string>();
        switch (kind)
        {
            case TurnKind.Message:
                text = MentionText.Clean(activity);
                break;
            case TurnKind.CardSubmit:
                var value = activity.Value!.Value;
                verb = StringProperty(value, "verb") ?? StringProperty(value, "action");
                data = StringProperties(value);
                break;
            case TurnKind.CardAction:
                if (activity.Value is { ValueKind: JsonValueKind.Object } invokeValue
                    && invokeValue.TryGetProperty("action", out var action)
                    && action.ValueKind == JsonValueKind.Object)
                {
                    verb = StringProperty(action, "verb");
                    data = action.TryGetProperty("data", out var actionData) ? StringProperties(actionData) : data;
                }

                break;
            default:
                break;
        }

        return new IncomingTurn
        {
            Kind = kind,
            ActivityId = activity.Id ?? string.Empty,
            From = new TurnUser(from?.Id ?? string.Empty, NullIfEmpty(from?.AadObjectId), NullIfEmpty(from?.Name)),
            TenantId = tenantId ?? string.Empty,
            ConversationType = ConversationTypeOf(activity),
            Address = address,
            Text = text,
            Verb = verb,
            Data = data,
            ReplyToId = NullIfEmpty(activity.ReplyToId),
            Locale = NullIfEmpty(activity.Locale) ?? NullIfEmpty(clientInfo?.GetString("locale")),
            TimeZone = NullIfEmpty(clientInfo?.GetString("timezone")),
            Country = NullIfEmpty(clientInfo?.GetString("country")),
            TeamId = NullIfEmpty(ChannelDataString(activity, "team", "id")),
            TeamName = NullIfEmpty(ChannelDataString(activity, "team", "name")),
            Mentions = kind == TurnKind.Message ? MentionsOf(activity) : [],
            ReceivedAt = receivedAt,
        };
    }

    public static TurnKind KindOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Type;
        if (Is(type, ActivityTypes.Message))
        {
            var hasText = !string.IsNullOrWhiteSpace(activity.Text);
            return !hasText && activity.Value is { ValueKind: JsonValueKind.Object } ? TurnKind.CardSubmit : TurnKind.Message;
        }

        if (Is(type, ActivityTypes.Invoke))
        {
            return Is(activity.Name, ActivityTypes.AdaptiveCardActionInvoke) ? TurnKind.CardAction : TurnKind.Other;
        }

        if (Is(type, ActivityTypes.InstallationUpdate))
        {
            return activity.Action switch
            {
                var a when Is(a, "add") || Is(a, "add-upgrade") => TurnKind.Installed,
                var a when Is(a, "remove") => TurnKind.Uninstalled,
                _ => TurnKind.Other,
            };
        }

        if (Is(type, ActivityTypes.ConversationUpdate))
        {
            var botId = activity.Recipient?.Id;
            if (!string.IsNullOrEmpty(botId))
            {
                if (Contains(activity.MembersAdded, botId))
                {
                    return TurnKind.Installed;
                }

                if (Contains(activity.MembersRemoved, botId))
                {
                    return TurnKind.Uninstalled;
                }
            }
        }

        return TurnKind.Other;
    }

    /// <summary>conversation.tenantId, else channelData.tenant.id; null when they disagree.</summary>
    public static string? TenantOf(Activity activity) => ReadTenant(activity).TenantId;

    public static TenantReading ReadTenant(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new TenantReading(
            NullIfEmpty(activity.Conversation?.TenantId),
            NullIfEmpty(ChannelDataString(activity, "tenant", "id")));
    }

    /// <summary>The string-valued (and number/boolean, as text) properties of a JSON object.</summary>
    public static IReadOnlyDictionary<string, string> StringProperties(JsonElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
                JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null)
            {
                result[property.Name] = text;
            }
        }

        return result;
    }

    /// <summary>The people mentioned in a message, the bot left out, each once.</summary>
    public static IReadOnlyList<TurnUser> MentionsOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return (activity.Entities ?? [])
            .Where(e => e is not null && Is(e.Type, Entity.MentionType))
            .Select(e => new TurnUser(e.GetString("mentioned", "id") ?? string.Empty, NullIfEmpty(e.GetString("mentioned", "aadObjectId")), NullIfEmpty(e.GetString("mentioned", "name"))))
            .Where(u => u.Id.Length > 0 && !string.Equals(u.Id, botId, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string ConversationTypeOf(Activity activity)
    {
        var declared = activity.Conversation?.ConversationType;
        if (!string.IsNullOrEmpty(declared))
        {
            return declared;
        }

        return activity.Conversation?.IsGroup == true ? ConversationType.GroupChat : ConversationType.Personal;
    }

    private static string? ChannelDataString(Activity activity, string objectName, string name) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
        && channelData.TryGetProperty(objectName, out var obj)
        && obj.ValueKind == JsonValueKind.Object
            ? StringProperty(obj, name)
            : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Contains(IList<ChannelAccount>? members, string id) =>
        members is not null && members.Any(m => m is not null && string.Equals(m.Id, id, StringComparison.Ordinal));

    private static bool Is(string? actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
