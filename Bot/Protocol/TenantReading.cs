namespace Beacon.Bot.Protocol;

/// <summary>
/// The tenant an activity names in <c>conversation.tenantId</c> and <c>channelData.tenant.id</c>.
/// Teams sends both with the same value; when both are present and differ the activity names no
/// tenant Beacon can trust, and it is refused.
/// </summary>
public readonly record struct TenantReading(string? ConversationTenantId, string? ChannelDataTenantId)
{
    public bool IsConflicting =>
        ConversationTenantId is not null
        && ChannelDataTenantId is not null
        && !string.Equals(ConversationTenantId, ChannelDataTenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant, or null when none is named or the two places disagree.</summary>
    public string? TenantId => IsConflicting ? null : ConversationTenantId ?? ChannelDataTenantId;
}
