namespace Beacon.Training.Schedules;

using Beacon.Training.Learners;

/// <summary>How a claimed delivery ended.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by <see cref="DeliveryClaim.Owner"/>; sending is in progress (or the owner died).</summary>
    Claimed = 0,

    Sent = 1,

    /// <summary>Nothing to ask today (everything answered or nothing due): no message.</summary>
    NothingDue = 2,

    /// <summary>Teams answered 403: the learner uninstalled or blocked the bot and is now inactive.</summary>
    Blocked = 3,

    /// <summary>Gave up after the retry budget; the claim stays, so the day is not retried by another instance.</summary>
    Failed = 4,
}

/// <summary>What a claim is for: each kind has its own once-per-learner-date key.</summary>
public enum ClaimKind
{
    /// <summary>The day's session.</summary>
    Session = 0,

    /// <summary>The one reminder of a day whose campaign session was not answered.</summary>
    Nudge = 1,

    /// <summary>The personal announcement of a campaign: keyed by learner and <see cref="DeliveryClaim.Source"/> (the campaign), not date.</summary>
    Announcement = 2,
}

/// <summary>
/// The exactly-once token of one learner's session (or reminder) on one learner-local date: its key
/// (tenant, learner, date, kind) is deterministic, and the store adds it only if absent.
/// </summary>
public sealed record DeliveryClaim
{
    public required LearnerKey Learner { get; init; }

    public required DateOnly LocalDate { get; init; }

    public ClaimKind Kind { get; init; } = ClaimKind.Session;

    /// <summary>The instance (host) that claimed it.</summary>
    public required string Owner { get; init; }

    /// <summary>personal, or campaign:&lt;id&gt;.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset ClaimedAt { get; init; }

    public DeliveryStatus Status { get; init; } = DeliveryStatus.Claimed;

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The activity id Teams gave the message, when sent.</summary>
    public string? ActivityId { get; init; }

    public int Attempts { get; init; }
}
