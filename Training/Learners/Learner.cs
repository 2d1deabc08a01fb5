namespace Beacon.Training.Learners;

public sealed record Learner
{
    public required LearnerKey Key { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The personal (1:1) conversation, null until one is known.</summary>
    public ConversationAddress? Address { get; init; }

    public string? Locale { get; init; }

    /// <summary>IANA time zone from Teams <c>clientInfo.timezone</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country from Teams <c>clientInfo.country</c>.</summary>
    public string? Country { get; init; }

    /// <summary>Chosen role track; null until the learner picks one.</summary>
    public string? Track { get; init; }

    /// <summary>A region the learner picked for reporting guidance, overriding the country.</summary>
    public string? ReportingRegion { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? WelcomedAt { get; init; }

    public bool Active { get; init; } = true;
}
