namespace Beacon.Tests.Support;

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
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
/// A real HTTP server on loopback standing in for the Bot Connector: it records every request
/// (method, path, Authorization header, JSON body) and answers 200/201 with a new activity id.
/// Use its <see cref="ServiceUrl"/> as an activity's serviceUrl.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<SinkRequest> arrivals = Channel.CreateUnbounded<SinkRequest>();
    private int nextId;

    private ConnectorSink(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<SinkRequest> Requests { get; } = new();

    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<ConnectorSink> StartAsync(string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls($"http://{host}:0");
        builder.Logging.ClearProviders();
        var sink = new ConnectorSink(builder.Build());
        sink.app.Map("/{**path}", sink.RecordAsync);
        await sink.app.StartAsync();
        var address = sink.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>The next request that reached the sink, in arrival order.</summary>
    public async Task<SinkRequest> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await arrivals.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing reached the connector sink within {timeout}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new SinkRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
        Requests.Enqueue(request);
        arrivals.Writer.TryWrite(request);
        var id = Interlocked.Increment(ref nextId);
        var isCreateConversation = context.Request.Path.Value?.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal) == true;
        context.Response.StatusCode = isCreateConversation ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(
            isCreateConversation ? new JsonObject { ["id"] = $"personal-{id}" } : new JsonObject { ["id"] = $"activity-{id}" },
            context.RequestAborted);
    }
}

public sealed record SinkRequest(string Method, string Path, string Authorization, JsonNode? Body);
