namespace Beacon.Tests.Security;

using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>What a <see cref="HostileConnector"/> answers on its allowed address (127.0.0.1).</summary>
public enum Hostility
{
    /// <summary>307 to the same path on 127.0.0.2, which is not on the bot's allow-list (and answers 200 there).</summary>
    RedirectOffTheList,

    /// <summary>Never answers: waits until the caller gives up.</summary>
    Hang,
}

/// <summary>
/// A Bot Connector that redirects or hangs, over HTTPS with <see cref="CaptureServer.Certificate"/> on
/// 127.0.0.1 and 127.0.0.2 (one port). Records the host of every request. (For huge bodies see
/// <see cref="FloodingConnector"/>.)
/// </summary>
internal sealed class HostileConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostileConnector(WebApplication app, int port, Hostility hostility)
    {
        this.app = app;
        Port = port;
        Hostility = hostility;
    }

    public int Port { get; }

    public Hostility Hostility { get; }

    /// <summary>The address on the bot's allow-list.</summary>
    public string ServiceUrl => $"https://127.0.0.1:{Port}/";

    /// <summary>Where a redirect points: the same server under a name that is not on the allow-list.</summary>
    public string OffListUrl => $"https://127.0.0.2:{Port}/";

    /// <summary>"host:port path" of every request received.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Completes when the next request arrives on the allowed address.</summary>
    public Task Arrived => arrived.Task;

    public static async Task<HostileConnector> StartAsync(Hostility hostility)
    {
        var port = Support.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in new[] { IPAddress.Loopback, IPAddress.Parse("127.0.0.2") })
            {
                kestrel.Listen(address, port, listen => listen.UseHttps(CaptureServer.Certificate));
            }
        });
        var app = builder.Build();
        HostileConnector? server = null;
        app.Run(context => server!.AnswerAsync(context));
        await app.StartAsync();
        server = new HostileConnector(app, port, hostility);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var host = context.Request.Host.Value ?? string.Empty;
        Requests.Enqueue($"{host} {context.Request.Path}");
        if (!host.StartsWith("127.0.0.1:", StringComparison.Ordinal))
        {
            // Off the list: answer like a real connector would, so a followed redirect would succeed.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"followed-off-the-list"}""");
            return;
        }

        Interlocked.Exchange(ref arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        var aborted = context.RequestAborted;
        try
        {
            switch (Hostility)
            {
                case Hostility.RedirectOffTheList:
                    context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                    context.Response.Headers.Location = new Uri(new Uri(OffListUrl), context.Request.Path.Value).AbsoluteUri;
                    return;
                case Hostility.Hang:
                    await Task.Delay(Timeout.Infinite, aborted);
                    return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The caller went away, which is the point.
        }
    }
}
