namespace Beacon.Bot.Delivery;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Cards.Builders;
using Beacon.Cards.Views;
using Beacon.Dialogs.Presentation;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Delivery;
using Beacon.Training.Learners;
using Beacon.Training.Observability;

/// <summary>
/// <see cref="IDeliveryChannel"/> over the Bot Connector REST API: one HTTP request per call, no
/// retries here (the delivery pipeline retries inside the rate limits, so every attempt is counted),
/// status codes mapped to <see cref="ChannelStatus"/>, Retry-After read from 429s. Refuses a service
/// URL the <see cref="ServiceUrlPolicy"/> does not allow before any token is asked for.
/// </summary>
public sealed class ConnectorDeliveryChannel(
    HttpClient httpClient,
    IConnectorTokenProvider tokenProvider,
    ServiceUrlPolicy serviceUrlPolicy,
    ILogger<ConnectorDeliveryChannel> logger) : IDeliveryChannel
{
    /// <summary>The name of the plain HttpClient (no resilience handler) deliveries use.</summary>
    public const string HttpClientName = "Beacon.Delivery";

    public const string Summary = "Your two-minute quiz for today";

    public const string NudgeSummary = "Your two-minute session is waiting";

    public Task<ChannelResult> SendSessionAsync(ConversationAddress address, SessionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        var question = message.Plan.Questions[0];
        var card = QuestionCard.Build(CardViews.Question(question, message.PromptId, message.OptionOrder));
        return SendCardAsync(address, card, Summary, cancellationToken);
    }

    public Task<ChannelResult> SendNudgeAsync(ConversationAddress address, NudgeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        var card = NudgeCard.Build(new NudgeView(message.CampaignName, message.PromptId));
        return SendCardAsync(address, card, NudgeSummary, cancellationToken);
    }

    public Task<ChannelResult> SendAnnouncementAsync(ConversationAddress address, AnnouncementMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        var card = CampaignAnnouncementCard.Build(CampaignViews.Announcement(message.Campaign));
        return SendCardAsync(address, card, CampaignViews.AnnouncementSummary(message.Campaign), cancellationToken);
    }

    public Task<ChannelResult> CreatePersonalConversationAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = address.BotId },
            Members = [new ChannelAccount { Id = address.UserId }],
            TenantId = address.TenantId,
            ChannelData = string.IsNullOrEmpty(address.TenantId)
                ? null
                : JsonSerializer.SerializeToElement(new { tenant = new { id = address.TenantId } }, ActivityJson.Options),
        };
        return PostAsync(address.ServiceUrl, "v3/conversations", parameters, cancellationToken);
    }

    private Task<ChannelResult> SendCardAsync(ConversationAddress address, Cards.Model.AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        var activity = OutgoingActivities.FromMessage(OutgoingMessage.FromCard(card, summary), address);
        return PostAsync(address.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(address.ConversationId)}/activities", activity, cancellationToken);
    }

    private async Task<ChannelResult> PostAsync(string serviceUrl, string path, object body, CancellationToken cancellationToken)
    {
        if (!serviceUrlPolicy.TryGetBaseUri(serviceUrl, out var baseUri))
        {
            logger.LogWarning("Delivery refused: service URL {ServiceUrl} is not allowed", UntrustedText.ForLog(serviceUrl));
            return new ChannelResult(ChannelStatus.Rejected);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, path));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivityJson.Options));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return ChannelResult.Ok(ReadId(text));
            }

            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new ChannelResult(ChannelStatus.Throttled, RetryAfter: RetryAfter(response), HttpStatus: status),
                HttpStatusCode.Forbidden => new ChannelResult(ChannelStatus.Forbidden, HttpStatus: status),
                HttpStatusCode.NotFound => new ChannelResult(ChannelStatus.NotFound, HttpStatus: status),
                HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
                    or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    => new ChannelResult(ChannelStatus.Transient, HttpStatus: status),
                _ => new ChannelResult(ChannelStatus.Rejected, HttpStatus: status),
            };
        }
        catch (ResponseTooLargeException ex)
        {
            // Not retried: the connector would only send the flood again.
            logger.LogWarning(ex, "Delivery answered with a body over the size limit; treated as refused");
            return new ChannelResult(ChannelStatus.Rejected);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A broken connection or the per-request timeout: the message was not confirmed.
            return new ChannelResult(ChannelStatus.Transient);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string? ReadId(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text)?["id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    internal static string Describe(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "no response";
}
