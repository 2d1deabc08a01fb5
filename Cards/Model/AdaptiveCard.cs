namespace Beacon.Cards.Model;

using System.Text.Json.Serialization;

/// <summary>An Adaptive Card (schema 1.5, the version Teams renders).</summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type { get; init; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>What a screen reader or voice assistant says for the card.</summary>
    public string? Speak { get; init; }

    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardOptions? Teams { get; init; } = new();

    public CardRefresh? Refresh { get; init; }
}

public sealed record TeamsCardOptions
{
    public string Width { get; init; } = "Full";
}

/// <summary>Universal Actions refresh: each listed user sees a user-specific view when opening the card.</summary>
public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string>? UserIds);
