namespace Beacon.Bot.Protocol;

/// <summary>What the connector answers to a send or update: the activity id, when it gives one.</summary>
public sealed record ResourceResponse(string? Id);
