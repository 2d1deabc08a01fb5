namespace Beacon.Bot.Protocol;

/// <summary>What the connector answers to a conversation create.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
