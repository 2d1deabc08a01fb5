namespace Beacon.Training.Schedules;

/// <summary>
/// What delivery needs to know of a campaign (issue 8 manages campaigns): who, on which days, at
/// which local time, from <see cref="StartDate"/> to <see cref="EndDate"/> inclusive (learner-local dates).
/// </summary>
public sealed record CampaignSlot
{
    public required string TenantId { get; init; }

    public required string CampaignId { get; init; }

    /// <summary>Learner ids (the second half of <c>LearnerKey</c>) in the audience.</summary>
    public required IReadOnlyList<string> Audience { get; init; }

    public Weekdays Days { get; init; } = Weekdays.WorkWeek;

    public TimeOnly LocalTime { get; init; } = PersonalSchedule.DefaultTime;

    public DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public bool Covers(DateOnly localDate) => localDate >= StartDate && (EndDate is null || localDate <= EndDate);
}
