namespace Beacon.Bench.Turns;

using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A stand-in Bot Connector on loopback (Kestrel): records every
/// <c>POST v3/conversations/{id}/activities[/{replyToId}]</c>, hands the body to the virtual
/// learner that owns the conversation, and answers 200 with a resource id, as the connector does.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private const string Prefix = "/v3/conversations/";
    private readonly ConcurrentDictionary<string, Channel<SinkMessage>> mailboxes = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long posts;
    private long unexpected;
    private long nextId;

    private ConnectorSink(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The service URL to put on activities (ends with '/').</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public long Posts => Interlocked.Read(ref posts);

    /// <summary>Posts for a conversation no learner owns, or that were not activities.</summary>
    public long Unexpected => Interlocked.Read(ref unexpected);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.Run(sink.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>The messages the bot sends to one conversation, in arrival order.</summary>
    public ChannelReader<SinkMessage> Register(string conversationId)
    {
        var channel = Channel.CreateUnbounded<SinkMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        mailboxes[conversationId] = channel;
        return channel.Reader;
    }

    public void Unregister(string conversationId) => mailboxes.TryRemove(conversationId, out _);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var conversationId = ConversationOf(path);
        if (!HttpMethods.IsPost(context.Request.Method) || conversationId is null)
        {
            Interlocked.Increment(ref unexpected);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref posts);
        var id = "sink-" + Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (mailboxes.TryGetValue(conversationId, out var mailbox))
        {
            mailbox.Writer.TryWrite(new SinkMessage(id, buffer.ToArray()));
        }
        else
        {
            Interlocked.Increment(ref unexpected);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync("{\"id\":\"" + id + "\"}", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The conversation id of <c>/v3/conversations/{id}/activities[/...]</c>, or null.</summary>
    private static string? ConversationOf(string path)
    {
        var start = path.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = path.AsSpan(start + Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !rest[(slash + 1)..].StartsWith("activities", StringComparison.Ordinal))
        {
            return null;
        }

        return Uri.UnescapeDataString(rest[..slash].ToString());
    }
}

/// <summary>One activity the bot posted, with the id the sink gave it.</summary>
internal sealed record SinkMessage(string Id, byte[] Body);
