namespace Beacon.Cards.Views;

/// <summary>A person who receives handed-over concerns, as the form shows them.</summary>
public sealed record SafeguardingPersonView(string AadObjectId, string Name);

/// <summary>The safeguarding-route form: the values shown (current or as typed), where the current route comes from, what is wrong.</summary>
public sealed record SafeguardingFormView
{
    public string? Name { get; init; }

    public string? HowToReach { get; init; }

    public string? ProcedureUrl { get; init; }

    public IReadOnlyList<SafeguardingPersonView> People { get; init; } = [];

    public string? Region { get; init; }

    public IReadOnlyList<RegionChoiceView> RegionChoices { get; init; } = [];

    /// <summary>One sentence: set in chat by whom and when, from configuration, or none set.</summary>
    public required string Source { get; init; }

    /// <summary>True when a route set in chat exists (it can be removed).</summary>
    public bool CanRemove { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public int MaxName { get; init; } = 100;

    public int MaxHowToReach { get; init; } = 300;
}
