namespace Beacon.Training.Reporting;

/// <summary>
/// That a concern was handed to the organisation's safeguarding contacts: who, when, to whom.
/// Never the text of the message.
/// </summary>
public sealed record HandoffRecord(
    string TenantId,
    string HandoffId,
    string FromUserId,
    DateTimeOffset At,
    IReadOnlyList<string> ToUserIds);
