namespace Beacon.Bot.Protocol;

/// <summary>
/// The Bot Connector REST API (v3), relative to an activity's serviceUrl. Every call refuses a
/// service URL that is not allowed before anything (or any token) is sent.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST v3/conversations/{conversationId}/activities.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations for a 1:1 chat between the bot and one user of a tenant.</summary>
    Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Sends a typing indicator into the conversation.</summary>
    Task SendTypingAsync(string serviceUrl, string conversationId, ChannelAccount? from, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/pagedmembers.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/members/{memberId}; null when the user is not a member (404).</summary>
    Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);
}
