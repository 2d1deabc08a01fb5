namespace Beacon.Scheduler.Delivery;

using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;

/// <summary>
/// The one outbound request of a delivery, without retries (the pipeline retries, within the rate
/// limits). The Bot implements it over the Bot Connector; tests and the bench use the emulator.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>Sends the day's session card into the learner's personal conversation.</summary>
    Task<ChannelResult> SendSessionAsync(ConversationAddress address, SessionMessage message, CancellationToken cancellationToken);

    /// <summary>Sends the one reminder of a campaign session the learner has not answered yet.</summary>
    Task<ChannelResult> SendNudgeAsync(ConversationAddress address, NudgeMessage message, CancellationToken cancellationToken);

    /// <summary>Tells the learner personally that they are in a confirmed campaign.</summary>
    Task<ChannelResult> SendAnnouncementAsync(ConversationAddress address, AnnouncementMessage message, CancellationToken cancellationToken);

    /// <summary>Creates (or finds) the 1:1 conversation with the learner; <see cref="ChannelResult.Id"/> is its id.</summary>
    Task<ChannelResult> CreatePersonalConversationAsync(ConversationAddress address, CancellationToken cancellationToken);
}

/// <summary>The day's session for one learner, composed and recorded as issued; the first question's options go in <paramref name="OptionOrder"/>.</summary>
public sealed record SessionMessage(Learner Learner, SessionPlan Plan, string PromptId, DateOnly LocalDate, OptionOrder OptionOrder);

/// <summary>A reminder: the campaign's name, and the prompt id of the session's first question (the card opens it again).</summary>
public sealed record NudgeMessage(Learner Learner, string CampaignName, string PromptId, DateOnly LocalDate);

/// <summary>A campaign's announcement to one person in its audience.</summary>
public sealed record AnnouncementMessage(Campaign Campaign, AudienceMember Person);

public enum ChannelStatus
{
    Ok,

    /// <summary>429: wait for <see cref="ChannelResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>412, 5xx, a timeout or a broken connection: back off and retry.</summary>
    Transient,

    /// <summary>403: the learner uninstalled or blocked the bot.</summary>
    Forbidden,

    /// <summary>404: the conversation is gone.</summary>
    NotFound,

    /// <summary>Any other error: not retried.</summary>
    Rejected,
}

public sealed record ChannelResult(ChannelStatus Status, string? Id = null, TimeSpan? RetryAfter = null, int? HttpStatus = null)
{
    public static ChannelResult Ok(string? id) => new(ChannelStatus.Ok, id);
}
