namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

/// <summary>One message the bot posted to a conversation: where, the activity, and the id the connector gave it.</summary>
public sealed record OutboundMessage(string ConversationId, JsonObject Activity, string? Id);

/// <summary>
/// Watches the bot's outgoing HTTP (every HttpClient) and keeps each message it posted to
/// <c>v3/conversations/{id}/activities</c>, with the connector's answer. The Agents Playground only
/// streams the current user's chats, so this is how a test sees what other people of the team got.
/// The requests still go to the Playground, unchanged.
/// </summary>
public sealed class OutboundMessages
{
    private readonly Channel<OutboundMessage> arrivals = Channel.CreateUnbounded<OutboundMessage>();
    private readonly List<OutboundMessage> held = [];

    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(builder => builder.AddHttpMessageHandler(() => new Recorder(this)));

    /// <summary>The next message into <paramref name="conversationId"/> (or a thread of it; any conversation when null); others wait their turn.</summary>
    public async Task<OutboundMessage> NextAsync(string? conversationId, TimeSpan timeout)
    {
        var index = held.FindIndex(m => In(m, conversationId));
        if (index >= 0)
        {
            var found = held[index];
            held.RemoveAt(index);
            return found;
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await arrivals.Reader.ReadAsync(cancel.Token);
                if (In(message, conversationId))
                {
                    return message;
                }

                held.Add(message);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot sent nothing to {conversationId ?? "any conversation"} within {timeout}; waiting elsewhere: " +
                string.Join(", ", held.Select(h => h.ConversationId)));
        }
    }

    /// <summary>A channel message starts a thread, "{channel};messageid=…", which replies go to.</summary>
    private static bool In(OutboundMessage message, string? conversationId) =>
        conversationId is null || message.ConversationId == conversationId || message.ConversationId.StartsWith(conversationId + ";", StringComparison.Ordinal);

    private sealed class Recorder(OutboundMessages messages) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            var segments = request.RequestUri!.AbsolutePath.Split('/');
            var at = Array.IndexOf(segments, "conversations");
            if (request.Method == HttpMethod.Post && at >= 0 && segments.Length == at + 3 && segments[at + 2] == "activities"
                && body is not null && JsonNode.Parse(body) is JsonObject activity && (string?)activity["type"] == "message")
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                var id = answer.Length > 0 && JsonNode.Parse(answer) is JsonObject json ? (string?)json["id"] : null;
                messages.arrivals.Writer.TryWrite(new OutboundMessage(Uri.UnescapeDataString(segments[at + 1]), activity, id));
            }

            return response;
        }
    }
}
