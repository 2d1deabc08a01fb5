namespace Beacon.Bot.Protocol;

using System.Net;
using System.Text.RegularExpressions;

/// <summary>Cleans typed text: removes the bot's @mention, unwraps other mentions, decodes HTML entities, trims.</summary>
public static partial class MentionText
{
    public static string Clean(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;

        // 1. The mention entities that point at the bot carry the exact text to remove.
        if (!string.IsNullOrEmpty(botId) && activity.Entities is not null)
        {
            foreach (var entity in activity.Entities)
            {
                if (entity is null
                    || !string.Equals(entity.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(entity.GetString("mentioned", "id"), botId, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var mentionText = entity.GetString("text");
                if (!string.IsNullOrEmpty(mentionText))
                {
                    text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // 2. In channels and group chats, also an <at>BotName</at> the entities did not describe.
        var conversationType = activity.Conversation?.ConversationType;
        var isShared = conversationType is Dialogs.Turns.ConversationType.Channel or Dialogs.Turns.ConversationType.GroupChat
            || activity.Conversation?.IsGroup == true;
        var botName = activity.Recipient?.Name;
        if (isShared && !string.IsNullOrWhiteSpace(botName))
        {
            text = AtTag().Replace(text, m =>
                string.Equals(WebUtility.HtmlDecode(m.Groups["name"].Value).Trim(), botName.Trim(), StringComparison.OrdinalIgnoreCase) ? " " : m.Value);
        }

        // 3. Mentions of other people keep the name, lose the tags.
        text = AtTag().Replace(text, m => m.Groups["name"].Value);

        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t\u00A0]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
