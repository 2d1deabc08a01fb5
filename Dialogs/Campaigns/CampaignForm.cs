namespace Beacon.Dialogs.Campaigns;

using System.Globalization;
using Beacon.Cards;
using Beacon.Cards.Views;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Schedules;

/// <summary>
/// What the campaign form holds, between the card's inputs and a <see cref="Campaign"/>. Fields
/// are null when nobody has said them yet (the sentence did not, the card came back without them):
/// the form shows them empty and nothing is guessed.
/// </summary>
public sealed record CampaignForm
{
    private static readonly string[] DayValues = [.. CampaignFormView.DayChoices.Select(d => d.Value)];

    public string? Name { get; init; }

    public string Audience { get; init; } = CampaignVerbs.AudienceTeam;

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Tracks { get; init; } = [];

    public IReadOnlyList<string> Topics { get; init; } = [];

    public DateOnly? Start { get; init; }

    public int? Weeks { get; init; }

    public Weekdays? Days { get; init; }

    public TimeOnly? Time { get; init; }

    public int QuestionsPerSession { get; init; } = Campaign.DefaultQuestionsPerSession;

    public bool PreAssessment { get; init; } = true;

    public bool PostAssessment { get; init; } = true;

    public bool Nudges { get; init; } = true;

    /// <summary>The end date the form means: the day before <see cref="Weeks"/> whole weeks from the start.</summary>
    public DateOnly? End => Start is { } start && Weeks is { } weeks ? start.AddDays((weeks * 7) - 1) : null;

    /// <summary>A new form filled from what the parser understood; an end date becomes whole weeks, rounded up.</summary>
    public static CampaignForm FromSentence(ParsedSchedule parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        int? weeks = parsed is { Start: { } start, End: { } end } && end >= start ? (int)Math.Ceiling((end.DayNumber - start.DayNumber + 1) / 7.0) : null;
        return new CampaignForm { Days = parsed.Days is Weekdays.None ? null : parsed.Days, Time = parsed.Time, Start = parsed.Start, Weeks = weeks };
    }

    public static CampaignForm FromCampaign(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new CampaignForm
        {
            Name = campaign.Name,
            Audience = campaign.Audience.Kind switch
            {
                AudienceKind.Track => CampaignVerbs.AudienceTrack,
                AudienceKind.Picked => CampaignVerbs.AudiencePicked,
                _ => CampaignVerbs.AudienceTeam,
            },
            People = campaign.Audience.Kind == AudienceKind.Picked ? campaign.Audience.LearnerIds : [],
            Tracks = campaign.Tracks,
            Topics = campaign.Topics,
            Start = campaign.StartDate,
            Weeks = (int)Math.Ceiling((campaign.EndDate.DayNumber - campaign.StartDate.DayNumber + 1) / 7.0),
            Days = campaign.Days,
            Time = campaign.LocalTime,
            QuestionsPerSession = campaign.QuestionsPerSession,
            PreAssessment = campaign.PreAssessment,
            PostAssessment = campaign.PostAssessment,
            Nudges = campaign.Nudges,
        };
    }

    /// <summary>Reads the card's inputs. Values that are not what the card offers are added to <paramref name="problems"/> and left empty.</summary>
    public static CampaignForm FromInputs(IReadOnlyDictionary<string, string> data, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(problems);
        var audience = data.GetValueOrDefault(CampaignVerbs.AudienceInput) ?? CampaignVerbs.AudienceTeam;
        if (audience is not (CampaignVerbs.AudienceTeam or CampaignVerbs.AudienceTrack or CampaignVerbs.AudiencePicked))
        {
            problems.Add("Choose who takes part from the list.");
            audience = CampaignVerbs.AudienceTeam;
        }

        var tracks = List(data, CampaignVerbs.TracksInput);
        var topics = List(data, CampaignVerbs.TopicsInput);
        var days = List(data, CampaignVerbs.DaysInput);
        var start = Date(data.GetValueOrDefault(CampaignVerbs.StartInput));
        var weeks = Whole(data.GetValueOrDefault(CampaignVerbs.WeeksInput));
        var time = TimeOfDay(data.GetValueOrDefault(CampaignVerbs.TimeInput));
        var questions = Whole(data.GetValueOrDefault(CampaignVerbs.QuestionsInput));
        if (weeks is not null and (< 1 or > 52))
        {
            problems.Add("A campaign runs for 1 to 52 weeks.");
            weeks = null;
        }

        if (days.Any(d => !DayValues.Contains(d)))
        {
            problems.Add("Pick the days from the list.");
        }

        return new CampaignForm
        {
            Name = data.GetValueOrDefault(CampaignVerbs.NameInput)?.Trim() is { Length: > 0 } name ? name : null,
            Audience = audience,
            People = List(data, CampaignVerbs.PeopleInput),
            Tracks = tracks,
            Topics = topics,
            Start = start,
            Weeks = weeks,
            Days = days.Count == 0 ? null : days.Aggregate(Weekdays.None, (all, d) => all | DayOf(d)),
            Time = time,
            QuestionsPerSession = questions ?? Campaign.DefaultQuestionsPerSession,
            PreAssessment = Flag(data, CampaignVerbs.PreInput, true),
            PostAssessment = Flag(data, CampaignVerbs.PostInput, true),
            Nudges = Flag(data, CampaignVerbs.NudgesInput, true),
        };
    }

    /// <summary>What must be filled in before the form can become a campaign.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Start is null)
        {
            missing.Add("Choose the start date.");
        }

        if (Weeks is null)
        {
            missing.Add("Say how many weeks the campaign runs.");
        }

        if (Days is null or Weekdays.None)
        {
            missing.Add("Pick at least one day of the week.");
        }

        if (Time is null)
        {
            missing.Add("Choose the time of day.");
        }

        return missing;
    }

    /// <summary>The campaign the form describes, on top of <paramref name="basis"/> (identity, owner, state). Call when nothing is <see cref="Missing"/>.</summary>
    public Campaign ApplyTo(Campaign basis, CampaignAudience audience)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return basis with
        {
            Name = Name ?? string.Empty,
            Audience = audience,
            Tracks = Tracks,
            Topics = Topics,
            StartDate = Start ?? basis.StartDate,
            EndDate = End ?? basis.EndDate,
            Days = Days ?? Weekdays.None,
            LocalTime = Time ?? basis.LocalTime,
            QuestionsPerSession = QuestionsPerSession,
            PreAssessment = PreAssessment,
            PostAssessment = PostAssessment,
            Nudges = Nudges,
        };
    }

    public CampaignFormView ToView(string campaignId, string? teamName) => new()
    {
        CampaignId = campaignId,
        Name = Name,
        Audience = Audience,
        TeamName = teamName,
        People = People.Count == 0 ? null : string.Join(',', People),
        TrackChoices = [.. Track.All.Select(t => new TrackView(t, Track.DisplayName(t)))],
        TopicChoices = [.. Topic.All.Select(t => new TopicChoiceView(t, Topic.DisplayName(t)))],
        Tracks = Tracks,
        Topics = Topics,
        Start = Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Weeks = Weeks,
        Days = Days is { } days ? [.. DayValues.Where(d => days.HasFlag(DayOf(d)))] : [],
        Time = Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
        QuestionsPerSession = QuestionsPerSession,
        MinQuestions = Campaign.MinQuestionsPerSession,
        MaxQuestions = Campaign.MaxQuestionsPerSession,
        PreAssessment = PreAssessment,
        PostAssessment = PostAssessment,
        Nudges = Nudges,
    };

    private static Weekdays DayOf(string value) => value switch
    {
        "mon" => Weekdays.Monday,
        "tue" => Weekdays.Tuesday,
        "wed" => Weekdays.Wednesday,
        "thu" => Weekdays.Thursday,
        "fri" => Weekdays.Friday,
        "sat" => Weekdays.Saturday,
        "sun" => Weekdays.Sunday,
        _ => Weekdays.None,
    };

    private static List<string> List(IReadOnlyDictionary<string, string> data, string key) =>
        [.. (data.GetValueOrDefault(key) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)];

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static TimeOnly? TimeOfDay(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static int? Whole(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number)
            && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    private static bool Flag(IReadOnlyDictionary<string, string> data, string key, bool otherwise) =>
        data.GetValueOrDefault(key) switch
        {
            "true" => true,
            "false" => false,
            _ => otherwise,
        };
}
