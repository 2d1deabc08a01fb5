namespace Beacon.Bench.Security;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Beacon.Bench.Turns;

/// <summary>
/// <c>abuse [--duration 15] [--normal 20] [--rate 100] [--warmup 3]</c>: fairness under abuse
/// (issue 10). Beacon runs as its own process (SQLite, default per-user rate limits) behind a
/// loopback connector sink. Phase 1: <c>normal</c> users each send a message about once a second
/// (a person's pace). Phase 2: the same, while one abuser sends <c>rate</c> messages a second.
/// Prints the normal users' latency percentiles for both phases (target: p99 under 100 ms with
/// the abuser) and what became of the abuser's messages.
/// </summary>
internal static class AbuseBench
{
    private const string Tenant = "bench-tenant";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args, TextWriter output)
    {
        var duration = TimeSpan.FromSeconds(Option(args, "--duration", 15));
        var normalUsers = (int)Option(args, "--normal", 20);
        var rate = Option(args, "--rate", 100);
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        try
        {
            return RunAsync(duration, normalUsers, rate, warmup, output).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            output.WriteLine($"abuse: failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(TimeSpan duration, int normalUsers, double rate, TimeSpan warmup, TextWriter output)
    {
        var repository = Repository.Find();
        using var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var sink = await ConnectorSink.StartAsync().ConfigureAwait(false);
        var (process, address, _) = await Launchers.StartBeaconOnScratchStoreAsync(repository, "beacon-bench-abuse-", probe).ConfigureAwait(false);
        using (process)
        {
            var messages = new Uri(address, "api/messages");
            output.WriteLine(string.Create(C, $"abuse: {normalUsers} normal users at ~1 message/s, abuser at {rate} messages/s, {duration.TotalSeconds:0} s per phase, {Environment.ProcessorCount} cores"));

            var quiet = await PhaseAsync("normal users alone", withAbuser: false);
            var abused = await PhaseAsync("normal users + abuser", withAbuser: true);
            var pass = abused.P99 < 100;
            output.WriteLine(string.Create(C, $"p99 for normal users with an abuser: {abused.P99:0.0} ms (alone: {quiet.P99:0.0} ms) -> {(pass ? "PASS" : "FAIL")} (target < 100 ms)"));
            return pass ? 0 : 1;

            async Task<(double P99, int Samples)> PhaseAsync(string name, bool withAbuser)
            {
                var phase = Guid.NewGuid().ToString("N")[..6];
                var latencies = new List<double>();
                var gate = new Lock();
                var stop = DateTime.UtcNow + warmup + duration;
                var measureFrom = DateTime.UtcNow + warmup;
                var normal = Enumerable.Range(0, normalUsers).Select(i => Task.Run(async () =>
                {
                    var user = $"29:1normal-{phase}-{i}";
                    var mailbox = sink.Register("a:" + user);
                    var jitter = new Random(i);
                    while (DateTime.UtcNow < stop)
                    {
                        var started = Stopwatch.GetTimestamp();
                        using (var response = await client.PostAsync(messages, Json(Message(user, "help", sink.ServiceUrl))).ConfigureAwait(false))
                        {
                            response.EnsureSuccessStatusCode();
                        }

                        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        if (DateTime.UtcNow >= measureFrom)
                        {
                            lock (gate)
                            {
                                latencies.Add(elapsed);
                            }
                        }

                        Drain(mailbox);
                        await Task.Delay(TimeSpan.FromMilliseconds(800 + jitter.Next(400))).ConfigureAwait(false);
                    }
                })).ToList();

                var abuserSent = 0;
                var abuserUser = $"29:1abuser-{phase}";
                var abuserMailbox = sink.Register("a:" + abuserUser);
                var abuserReplies = 0;
                var slowDownCards = 0;
                Task abuser = Task.CompletedTask;
                if (withAbuser)
                {
                    abuser = Task.Run(async () =>
                    {
                        var inFlight = new List<Task>();
                        var interval = TimeSpan.FromSeconds(1 / rate);
                        var clock = Stopwatch.StartNew();
                        while (DateTime.UtcNow < stop)
                        {
                            var due = TimeSpan.FromTicks(interval.Ticks * abuserSent);
                            if (clock.Elapsed < due)
                            {
                                await Task.Delay(due - clock.Elapsed).ConfigureAwait(false);
                            }

                            abuserSent++;
                            inFlight.Add(Task.Run(async () =>
                            {
                                using var response = await client.PostAsync(messages, Json(Message(abuserUser, "help", sink.ServiceUrl))).ConfigureAwait(false);
                            }));
                        }

                        await Task.WhenAll(inFlight).ConfigureAwait(false);
                    });
                }

                await Task.WhenAll(normal.Append(abuser)).ConfigureAwait(false);
                while (abuserMailbox.TryRead(out var reply))
                {
                    abuserReplies++;
                    slowDownCards += Encoding.UTF8.GetString(reply.Body).Contains("One moment, please", StringComparison.Ordinal) ? 1 : 0;
                }

                latencies.Sort();
                double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
                output.WriteLine(string.Create(C, $"{name}: {latencies.Count} samples; p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {P(1):0.0} ms"));
                if (withAbuser)
                {
                    output.WriteLine(string.Create(C, $"  abuser: {abuserSent} messages sent, {abuserReplies - slowDownCards} answered, {slowDownCards} slow-down card(s)"));
                }

                return (P(0.99), latencies.Count);
            }
        }
    }

    private static void Drain(ChannelReader<SinkMessage> mailbox)
    {
        while (mailbox.TryRead(out _))
        {
        }
    }

    private static ByteArrayContent Json(JsonObject activity)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static JsonObject Message(string user, string text, Uri serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user, ["name"] = "Bench User" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + user, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "Beacon" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && double.TryParse(args[index + 1], NumberStyles.Float, C, out var value) ? value : fallback;
    }
}
