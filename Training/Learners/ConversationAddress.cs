namespace Beacon.Training.Learners;

/// <summary>
/// Where a learner can be reached later (proactively): the personal conversation and the
/// channel endpoint it was seen on. Plain data; the protocol layer fills it in.
/// </summary>
public sealed record ConversationAddress(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string BotId,
    string UserId,
    string? TenantId);
