namespace Beacon.Bot.Protocol;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Beacon.Training.Observability;
using Microsoft.Extensions.Logging;

/// <summary>
/// <see cref="IConnectorClient"/> over a named <see cref="HttpClient"/> whose handler pipeline
/// retries throttling and transient failures (see <see cref="ConnectorResilience"/>).
/// </summary>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IConnectorTokenProvider tokenProvider,
    ServiceUrlPolicy serviceUrlPolicy,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>The name of the HttpClient (and its resilience pipeline).</summary>
    public const string HttpClientName = "Beacon.BotConnector";

    private const int MaxErrorBodyLength = 2048;

    /// <summary>Room for the conversation and activity ids (escaped) in a path.</summary>
    private const int MaxLoggedPathLength = 300;

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Post, serviceUrl, ActivityPath(conversationId, activityId), activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendForResourceAsync(HttpMethod.Put, serviceUrl, ActivityPath(conversationId, activityId), activity, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement?>(HttpMethod.Delete, serviceUrl, ActivityPath(conversationId, activityId), body: null, cancellationToken).ConfigureAwait(false);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var response = await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken).ConfigureAwait(false);
        return response ?? new ConversationResourceResponse(null, null, null);
    }

    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = string.IsNullOrEmpty(tenantId)
                ? null
                : JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }, ActivityJson.Options),
        };
        return CreateConversationAsync(serviceUrl, parameters, cancellationToken);
    }

    public async Task SendTypingAsync(string serviceUrl, string conversationId, ChannelAccount? from, CancellationToken cancellationToken)
    {
        var typing = new Activity { Type = ActivityTypes.Typing, From = from };
        await SendToConversationAsync(serviceUrl, conversationId, typing, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        var page = await SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, path, body: null, cancellationToken).ConfigureAwait(false);
        return page ?? new PagedMembersResult { Members = [] };
    }

    public async Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<ChannelAccount>(
                HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", body: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Joins a service URL (with or without a trailing slash) and a relative path, if the URL is allowed.</summary>
    public Uri BuildUri(string serviceUrl, string relativePath)
    {
        if (!serviceUrlPolicy.TryGetBaseUri(serviceUrl, out var baseUri))
        {
            throw ServiceUrlNotAllowedException.For(serviceUrl);
        }

        return new Uri(baseUri, relativePath);
    }

    private static string ActivityPath(string conversationId, string activityId) =>
        $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";

    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return Uri.EscapeDataString(segment);
    }

    private async Task<ResourceResponse> SendForResourceAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var response = await SendAsync<ResourceResponse>(method, serviceUrl, path, activity, cancellationToken).ConfigureAwait(false);
        return response ?? new ResourceResponse(null);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string serviceUrl, string relativePath, object? body, CancellationToken cancellationToken)
    {
        // The allow-list is checked before a token is even asked for.
        var uri = BuildUri(serviceUrl, relativePath);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            // Bytes, not a lazily serialised content: a retry sends the same body again.
            var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivityJson.Options);
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var path = UntrustedText.ForLog(relativePath, MaxLoggedPathLength);
        using var response = await SendLimitedAsync(request, path, cancellationToken).ConfigureAwait(false);
        var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var excerpt = text.Length > MaxErrorBodyLength ? text[..MaxErrorBodyLength] : text;
            // A redirect is an error too: following it would leave the allow-list (the handler never does).
            logger.LogWarning(
                "Bot Connector {Method} {Path} failed with {StatusCode}{Redirect}",
                method,
                path,
                (int)response.StatusCode,
                response.Headers.Location is { } location ? " (redirect to " + UntrustedText.ForLog(location.OriginalString) + " not followed)" : string.Empty);
            throw new ConnectorException(
                response.StatusCode,
                $"Bot Connector {method} {path} answered {(int)response.StatusCode} {UntrustedText.ForLog(response.ReasonPhrase)}.",
                excerpt);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Bot Connector {Method} {Path} answered a body that is not the expected JSON", method, path);
            return default;
        }
    }

    private async Task<HttpResponseMessage> SendLimitedAsync(HttpRequestMessage request, string loggedPath, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            logger.LogWarning("Bot Connector {Method} {Path} answered more than {Limit} bytes; the body was dropped", request.Method, loggedPath, ResponseSizeLimitHandler.MaxResponseBytes);
            throw new ConnectorException($"Bot Connector {request.Method} {loggedPath} answered a body over the size limit.", ex);
        }
    }
}
