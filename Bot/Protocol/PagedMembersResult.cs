namespace Beacon.Bot.Protocol;

/// <summary>One page of a conversation's roster.</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }

    public IList<ChannelAccount>? Members { get; set; }
}
