namespace Beacon.Dialogs.Turns;

using Beacon.Training.Learners;

/// <summary>What came in, in the conversation's terms, free of the wire format.</summary>
public sealed record IncomingTurn
{
    public required TurnKind Kind { get; init; }

    public required string ActivityId { get; init; }

    public required TurnUser From { get; init; }

    public required string TenantId { get; init; }

    /// <summary>personal, groupChat or channel.</summary>
    public required string ConversationType { get; init; }

    /// <summary>Where replies in this conversation go (service URL, conversation, bot, user).</summary>
    public required ConversationAddress Address { get; init; }

    /// <summary>Typed text with the bot's mention removed and white space trimmed.</summary>
    public string? Text { get; init; }

    /// <summary>The verb of an Action.Execute / Action.Submit.</summary>
    public string? Verb { get; init; }

    /// <summary>The action's data merged with the card's input values.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>The activity id of the card the action came from.</summary>
    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    /// <summary>IANA time zone from the clientInfo entity.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Country from the clientInfo entity.</summary>
    public string? Country { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The team's name from channelData, when Teams gives it.</summary>
    public string? TeamName { get; init; }

    /// <summary>People @mentioned in the text, other than the bot. Teams gives their ids and names, rarely their Entra ids.</summary>
    public IReadOnlyList<TurnUser> Mentions { get; init; } = [];

    public DateTimeOffset ReceivedAt { get; init; }

    public LearnerKey LearnerKey => new(TenantId, From.StableId);

    public bool IsPersonal => ConversationType == Turns.ConversationType.Personal;
}
