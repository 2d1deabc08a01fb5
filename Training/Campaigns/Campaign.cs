namespace Beacon.Training.Campaigns;

using Beacon.Training.Schedules;

/// <summary>
/// A refresher campaign: a manager's audience gets sessions on chosen days at a local time between
/// <see cref="StartDate"/> and <see cref="EndDate"/> (inclusive, learner-local dates), optionally
/// opened by a pre-assessment and closed by a post-assessment.
/// <see cref="ConcurrencyToken"/> is opaque to the domain (ETag or row version; null = new).
/// </summary>
public sealed record Campaign
{
    public const int MinQuestionsPerSession = 1;
    public const int MaxQuestionsPerSession = 10;
    public const int DefaultQuestionsPerSession = 3;
    public const int MaxNameLength = 80;

    /// <summary>The most people a picked or team audience lists (the stores keep a campaign in one row or entity).</summary>
    public const int MaxAudience = 5_000;

    public required string TenantId { get; init; }

    /// <summary>Short, URL-safe, unique within the tenant.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The learner id of the manager who created it.</summary>
    public required string CreatedBy { get; init; }

    public CampaignStatus Status { get; init; } = CampaignStatus.Draft;

    public required CampaignAudience Audience { get; init; }

    /// <summary>Role tracks the questions come from; empty means each learner's own track.</summary>
    public IReadOnlyList<string> Tracks { get; init; } = [];

    /// <summary>Topics the questions come from; empty means all topics.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public Weekdays Days { get; init; } = Weekdays.WorkWeek;

    /// <summary>Delivery time in each learner's own time zone.</summary>
    public TimeOnly LocalTime { get; init; } = PersonalSchedule.DefaultTime;

    public int QuestionsPerSession { get; init; } = DefaultQuestionsPerSession;

    public bool PreAssessment { get; init; } = true;

    public bool PostAssessment { get; init; } = true;

    /// <summary>Whether a learner who has not answered by the end of a session day gets one reminder.</summary>
    public bool Nudges { get; init; } = true;

    /// <summary>The personal announcements sent in the background after the confirm; null before it (and for campaigns confirmed before announcements were queued).</summary>
    public CampaignAnnouncement? Announcement { get; init; }

    /// <summary>
    /// The people its reports count: fixed by the first report made on or after the start date (null until then),
    /// so a later change of the audience can't be used to single someone out by comparing two reports.
    /// </summary>
    public IReadOnlyList<string>? ReportGroup { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ConcurrencyToken { get; init; }

    public CampaignKey Key => new(TenantId, Id);

    /// <summary>The state on a manager's (or learner's) local date.</summary>
    public CampaignState StateOn(DateOnly today) => Status switch
    {
        CampaignStatus.Draft => CampaignState.Draft,
        CampaignStatus.Cancelled => CampaignState.Cancelled,
        _ when today > EndDate => CampaignState.Completed,
        CampaignStatus.Paused => CampaignState.Paused,
        _ when today < StartDate => CampaignState.Scheduled,
        _ => CampaignState.Running,
    };

    /// <summary>Whether a learner is in the audience: listed in it, or, for a track audience, on one of the campaign's tracks now.</summary>
    public bool Includes(string learnerId, string? learnerTrack) => Audience.Kind == AudienceKind.Track
        ? learnerTrack is not null && Tracks.Contains(learnerTrack, StringComparer.Ordinal)
        : Audience.LearnerIds.Contains(learnerId, StringComparer.Ordinal);

    /// <summary>Whether sessions go out on this learner-local date.</summary>
    public bool DeliversOn(DateOnly localDate) =>
        Status == CampaignStatus.Active && localDate >= StartDate && localDate <= EndDate && Days.Includes(localDate.DayOfWeek);

    /// <summary>The session dates from <paramref name="from"/> to the end, in order.</summary>
    public IEnumerable<DateOnly> SessionDates(DateOnly? from = null)
    {
        for (var date = from is { } f && f > StartDate ? f : StartDate; date <= EndDate; date = date.AddDays(1))
        {
            if (Days.Includes(date.DayOfWeek))
            {
                yield return date;
            }
        }
    }

    /// <summary>The first session date: the pre-assessment day. Null when no day of the range matches.</summary>
    public DateOnly? FirstSessionDate => SessionDates().Cast<DateOnly?>().FirstOrDefault();

    /// <summary>The last session date: the post-assessment day.</summary>
    public DateOnly? LastSessionDate => SessionDates().Cast<DateOnly?>().LastOrDefault();

    /// <summary>What delivery needs: null unless the campaign is active.</summary>
    public CampaignSlot? ToSlot() => Status != CampaignStatus.Active
        ? null
        : new CampaignSlot
        {
            TenantId = TenantId,
            CampaignId = Id,
            Audience = Audience.LearnerIds,
            Days = Days,
            LocalTime = LocalTime,
            StartDate = StartDate,
            EndDate = EndDate,
        };
}
