namespace Beacon.Cards.Views;

/// <summary>
/// The campaign form as the card shows it: every field as the input's value (null = left empty),
/// the choices on offer, and what the manager needs to fix or fill in.
/// </summary>
public sealed record CampaignFormView
{
    public required string CampaignId { get; init; }

    /// <summary>True when the campaign is already confirmed: the form changes future sessions only.</summary>
    public bool IsEdit { get; init; }

    /// <summary>True when sessions have begun: start date and pre-assessment stay as they are.</summary>
    public bool HasStarted { get; init; }

    public string? Name { get; init; }

    /// <summary>team, track or picked.</summary>
    public string Audience { get; init; } = CampaignVerbs.AudienceTeam;

    /// <summary>The team the form was opened in; null outside a team (the team choice is then not offered).</summary>
    public string? TeamName { get; init; }

    /// <summary>Entra object ids of the people picked, comma-separated.</summary>
    public string? People { get; init; }

    public IReadOnlyList<TrackView> TrackChoices { get; init; } = [];

    public IReadOnlyList<TopicChoiceView> TopicChoices { get; init; } = [];

    public IReadOnlyList<string> Tracks { get; init; } = [];

    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>yyyy-MM-dd.</summary>
    public string? Start { get; init; }

    public int? Weeks { get; init; }

    /// <summary>Day values of <see cref="DayChoices"/>.</summary>
    public IReadOnlyList<string> Days { get; init; } = [];

    /// <summary>HH:mm, in each learner's own time zone.</summary>
    public string? Time { get; init; }

    public int QuestionsPerSession { get; init; } = 3;

    public int MinQuestions { get; init; } = 1;

    public int MaxQuestions { get; init; } = 10;

    public bool PreAssessment { get; init; } = true;

    public bool PostAssessment { get; init; } = true;

    public bool Nudges { get; init; } = true;

    /// <summary>The part of the manager's sentence the parser could not use; shown, never guessed.</summary>
    public string? Unparsed { get; init; }

    /// <summary>What stops the campaign from being confirmed, in the manager's words.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public static IReadOnlyList<(string Value, string Title)> DayChoices { get; } =
    [
        ("mon", "Monday"),
        ("tue", "Tuesday"),
        ("wed", "Wednesday"),
        ("thu", "Thursday"),
        ("fri", "Friday"),
        ("sat", "Saturday"),
        ("sun", "Sunday"),
    ];
}

public sealed record TopicChoiceView(string Id, string DisplayName);
