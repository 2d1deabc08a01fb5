namespace Beacon.Bench.Security;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Bench.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// <c>outbound [--parallel 5]</c>: a hostile Bot Connector against Beacon as its own process
/// (development mode, SQLite; issue 19, point 4). For each behaviour the connector shows to the
/// bot's reply (200, 307 to 127.0.0.2, a 300 MB body with and without a length, the same flood to
/// <c>parallel</c> conversations at once, no answer for 60 s), prints how Teams' request was
/// answered and how long it took, the bot process's peak resident set so far (VmHWM), and how
/// many requests reached the redirect target (must stay 0).
/// </summary>
internal static class OutboundBench
{
    private const long FloodBytes = 300L * 1024 * 1024;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly TimeSpan HangFor = TimeSpan.FromSeconds(60);

    public static int Run(string[] args, TextWriter output)
    {
        var index = Array.IndexOf(args, "--parallel");
        var parallel = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], C, out var n) ? n : 5;
        try
        {
            return RunAsync(parallel, output).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            output.WriteLine($"outbound: failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(int parallel, TextWriter output)
    {
        var repository = Repository.Find();
        await using var connector = await HostileConnector.StartAsync().ConfigureAwait(false);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        var (process, address, _) = await Launchers.StartBeaconOnScratchStoreAsync(repository, "beacon-bench-outbound-", probe).ConfigureAwait(false);
        using (process)
        {
            var messages = new Uri(address, "api/messages");
            output.WriteLine(string.Create(C, $"outbound: Beacon (pid {process.Id}) replying through a hostile connector; {Environment.ProcessorCount} cores"));
            output.WriteLine("| connector answers the reply with | Teams' request answered | in | bot peak RSS so far | requests to the redirect target |");
            output.WriteLine("| --- | --- | ---: | ---: | ---: |");
            output.WriteLine(string.Create(C, $"| (started, no turn yet) | | | {Mb(process.SampleRss())} | {connector.RedirectTargetHits} |"));
            var worst = TimeSpan.Zero;
            foreach (var (label, behaviour, conversations) in new[]
            {
                ("200 (control)", "ok", 1),
                ("307 to 127.0.0.2", "redirect", 1),
                ("300 MB, Content-Length", "flood-declared", 1),
                ("300 MB, chunked", "flood-chunked", 1),
                ($"300 MB chunked, {parallel} at once", "flood-chunked", parallel),
                ("nothing for 60 s", "hang", 1),
            })
            {
                var started = Stopwatch.GetTimestamp();
                var answers = await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
                {
                    var user = string.Create(C, $"29:1{behaviour}-{conversations}-{i}");
                    using var response = await client.PostAsync(messages, Json(Message(user, new Uri(connector.BaseAddress, behaviour + "/")))).ConfigureAwait(false);
                    return (int)response.StatusCode;
                })).ConfigureAwait(false);
                var took = Stopwatch.GetElapsedTime(started);
                worst = took > worst ? took : worst;
                process.ThrowIfExited();
                output.WriteLine(string.Create(
                    C,
                    $"| {label} | {string.Join(' ', answers.Distinct())} | {took.TotalSeconds:0.00} s | {Mb(process.SampleRss())} | {connector.RedirectTargetHits} |"));
            }

            var peak = process.SampleRss();
            var pass = peak < 400L * 1024 * 1024 && worst < TimeSpan.FromSeconds(15) && connector.RedirectTargetHits == 0;
            output.WriteLine(string.Create(
                C,
                $"peak RSS {Mb(peak)} (target < 400 MB), slowest answer {worst.TotalSeconds:0.00} s (target < 15 s), redirect target reached {connector.RedirectTargetHits} times (target 0) -> {(pass ? "PASS" : "FAIL")}"));
            return pass ? 0 : 1;
        }
    }

    private static string Mb(long bytes) => string.Create(C, $"{bytes / (1024.0 * 1024):0} MB");

    private static ByteArrayContent Json(JsonObject activity)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static JsonObject Message(string user, Uri serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user, ["name"] = "Bench User" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + user, ["conversationType"] = "personal", ["tenantId"] = "bench-tenant" },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "Beacon" },
        ["text"] = "help",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "bench-tenant" } },
    };

    /// <summary>
    /// The connector, over plain HTTP on 127.0.0.1: the first path segment picks the behaviour. A
    /// second listener on 127.0.0.2 (the redirect target) only counts the requests that reach it.
    /// </summary>
    private sealed class HostileConnector : IAsyncDisposable
    {
        private static readonly byte[] Chunk = new byte[64 * 1024];
        private readonly WebApplication app;
        private int redirectTargetHits;

        private HostileConnector(WebApplication app, int port)
        {
            this.app = app;
            BaseAddress = new Uri(string.Create(C, $"http://127.0.0.1:{port}/"));
            RedirectTarget = new Uri(string.Create(C, $"http://127.0.0.2:{port}/"));
        }

        public Uri BaseAddress { get; }

        public Uri RedirectTarget { get; }

        public int RedirectTargetHits => Volatile.Read(ref redirectTargetHits);

        public static async Task<HostileConnector> StartAsync()
        {
            var port = TargetProcess.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                kestrel.Listen(IPAddress.Parse("127.0.0.2"), port);
            });
            var app = builder.Build();
            HostileConnector? connector = null;
            app.Run(context => connector!.AnswerAsync(context));
            await app.StartAsync().ConfigureAwait(false);
            connector = new HostileConnector(app, port);
            return connector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        private async Task AnswerAsync(HttpContext context)
        {
            var aborted = context.RequestAborted;
            if (context.Request.Host.Host == RedirectTarget.Host)
            {
                Interlocked.Increment(ref redirectTargetHits);
                await context.Response.WriteAsJsonAsync(new { id = "followed" }, aborted).ConfigureAwait(false);
                return;
            }

            var behaviour = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            try
            {
                switch (behaviour)
                {
                    case "redirect":
                        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                        context.Response.Headers.Location = new Uri(RedirectTarget, context.Request.Path.Value).AbsoluteUri;
                        return;
                    case "flood-declared":
                        context.Response.ContentLength = FloodBytes;
                        await FloodAsync(context.Response, aborted).ConfigureAwait(false);
                        return;
                    case "flood-chunked":
                        await FloodAsync(context.Response, aborted).ConfigureAwait(false);
                        return;
                    case "hang":
                        await Task.Delay(HangFor, aborted).ConfigureAwait(false);
                        return;
                    default:
                        await context.Response.WriteAsJsonAsync(new { id = "ok" }, aborted).ConfigureAwait(false);
                        return;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The bot hung up, which is what it should do.
            }
        }

        private static async Task FloodAsync(HttpResponse response, CancellationToken aborted)
        {
            response.ContentType = "application/json";
            for (long sent = 0; sent < FloodBytes && !aborted.IsCancellationRequested; sent += Chunk.Length)
            {
                await response.Body.WriteAsync(Chunk, aborted).ConfigureAwait(false);
            }
        }
    }
}
