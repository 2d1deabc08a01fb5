namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Beacon.Bench.Turns;
using Beacon.Bot.Delivery;
using Beacon.Bot.Protocol;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Storage.AzureTables;
using Beacon.TeamsEmulator;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// <c>delivery --learners 10000 [--instances 2] [--faults 0.1] [--parallel 32]</c>: every learner is
/// due in the same minute, one tenant, against the Teams connector emulator (Teams' limits, 429 when
/// exceeded). Each instance is a full delivery pipeline with its own store client, limiter and HTTP
/// client; all share one Azurite store (started here from the repo's node_modules), so claims are what
/// prevents duplicates. Faults are half 5xx/412, half timeouts.
/// </summary>
public static class DeliveryBench
{
    private const string Tenant = "bench-tenant";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int learners = 10_000, instances = 1, parallel = 32;
        double faults = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--learners": learners = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--instances": instances = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--faults": faults = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--parallel": parallel = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; usage: delivery --learners N [--instances 1|2] [--faults 0.1] [--parallel 32]");
                    return 2;
            }
        }

        return RunAsync(learners, instances, faults, parallel, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int learnerCount, int instanceCount, double faults, int parallel, TextWriter output)
    {
        using var azurite = await Azurite.StartAsync().ConfigureAwait(false);
        await using var emulator = await ConnectorEmulator.StartAsync(new EmulatorOptions
        {
            ServerErrorRate = faults / 2,
            TimeoutRate = faults / 2,
            TimeoutHold = TimeSpan.FromSeconds(30),
        }).ConfigureAwait(false);

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..12];
        var pack = LoadPack();
        var now = DateTimeOffset.UtcNow;
        var slot = TimeOnly.FromDateTime(now.UtcDateTime.AddMinutes(-1));
        slot = new TimeOnly(slot.Hour, slot.Minute);

        output.WriteLine($"delivery bench: {learnerCount} learners due at {slot:HH:mm} UTC, {instanceCount} instance(s), faults {faults:P0}, Azurite store, emulator {emulator.ServiceUrl}");
        var seeding = Stopwatch.StartNew();
        using (var seedStorage = new AzureTableStorage(new AzureTableStoreOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix }))
        using (var seedTable = new AzureTableDeliveryTable(seedStorage))
        {
            var learnerStore = new AzureTableLearnerStore(seedStorage);
            var scheduleStore = new AzureTableScheduleStore(seedTable);
            await Parallel.ForEachAsync(Enumerable.Range(0, learnerCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            {
                var key = new LearnerKey(Tenant, "user-" + i.ToString(CultureInfo.InvariantCulture));
                await learnerStore.UpsertAsync(
                    new Learner
                    {
                        Key = key,
                        TimeZone = "UTC",
                        CreatedAt = now,
                        Address = new ConversationAddress(emulator.ServiceUrl.AbsoluteUri, "msteams", ConnectorEmulator.PersonalConversationId(key.LearnerId), "bot", key.LearnerId, Tenant),
                    },
                    ct).ConfigureAwait(false);
                await scheduleStore.SaveAsync(new PersonalSchedule { Learner = key, Days = Weekdays.Every, LocalTime = slot, UpdatedAt = now }, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        output.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:F1} s");

        var instances = Enumerable.Range(0, instanceCount).Select(i => new Instance(azurite.ConnectionString, prefix, pack, emulator, i, instanceCount, parallel, faults > 0)).ToList();
        var clock = Stopwatch.StartNew();
        var reports = await Task.WhenAll(instances.Select(i => i.Runner.RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None))).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        foreach (var instance in instances)
        {
            instance.Dispose();
        }

        var accepted = emulator.Accepted.OrderBy(a => a.At).ToList();
        var span = accepted.Count > 1 ? (accepted[^1].At - accepted[0].At).TotalSeconds : elapsed.TotalSeconds;
        var rate = accepted.Count > 1 ? (accepted.Count - 1) / span : 0;
        var duplicates = emulator.AcceptedByRecipient.Values.Sum(n => Math.Max(0, n - 1));
        var lost = Enumerable.Range(0, learnerCount).Count(i => emulator.AcceptedFor("user-" + i.ToString(CultureInfo.InvariantCulture)) == 0);

        output.WriteLine();
        output.WriteLine("| instance | due | sent | already claimed | failed | 429s | retries |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < reports.Length; i++)
        {
            var r = reports[i];
            output.WriteLine($"| {i + 1} | {r.Due} | {r.Sent} | {r.AlreadyClaimed} | {r.Failed} | {r.Throttled} | {r.Retries} |");
        }

        output.WriteLine();
        output.WriteLine("| measure | value |");
        output.WriteLine("|---|---:|");
        output.WriteLine($"| messages accepted | {accepted.Count} |");
        output.WriteLine($"| messages/s (first to last accepted) | {rate:F2} |");
        output.WriteLine($"| fraction of 50/s | {rate / 50:P1} |");
        output.WriteLine($"| time to finish | {elapsed.TotalSeconds:F1} s |");
        output.WriteLine($"| 429s received | {reports.Sum(r => r.Throttled)} |");
        output.WriteLine($"| retries | {reports.Sum(r => r.Retries)} |");
        output.WriteLine($"| injected 5xx / timeouts | {emulator.ServerErrors} / {emulator.Timeouts} |");
        output.WriteLine($"| emulator requests | {emulator.Requests} |");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery: {rate:F1}/s = {rate / 50 * 100:F1}% of limit, duplicates={duplicates}, lost={lost}, violations={emulator.Violations}"));
        return duplicates == 0 && lost == 0 && emulator.Violations == 0 ? 0 : 1;
    }

    private static ContentPack LoadPack()
    {
        var root = Repository.Find().Root;
        return ContentPackLoader.LoadOrThrow(ContentDirectory.Require(Path.Combine(root, "content")));
    }

    /// <summary>One bot instance: its own store client, limiter (its share of the tenant limit), HTTP client and runner.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly AzureTableStorage storage;
        private readonly AzureTableDeliveryTable table;
        private readonly AzureTableCampaignTable campaigns;
        private readonly HttpClient http;

        public Instance(string connectionString, string prefix, ContentPack pack, ConnectorEmulator emulator, int index, int count, int parallel, bool faults)
        {
            storage = new AzureTableStorage(new AzureTableStoreOptions { ConnectionString = connectionString, TablePrefix = prefix });
            table = new AzureTableDeliveryTable(storage);
            http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallel * 2 })
            {
                Timeout = faults ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30),
            };
            var options = new DeliveryOptions
            {
                InstanceId = "bench-" + index.ToString(CultureInfo.InvariantCulture),
                MaxParallelism = parallel,
                MaxAttempts = 12,
                BaseBackoff = TimeSpan.FromMilliseconds(250),
                MaxBackoff = TimeSpan.FromSeconds(5),
            };
            var learners = new AzureTableLearnerStore(storage);
            var limiter = new TeamsRateLimiter(new RateLimitOptions { TenantShare = 1.0 / count }, TimeProvider.System);
            var channel = new ConnectorDeliveryChannel(
                http,
                new NoConnectorTokenProvider(),
                new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(new BotOptions())),
                NullLogger<ConnectorDeliveryChannel>.Instance);
            var composer = new SessionComposer(new FsrsMemoryModel(new FsrsOptions()));
            var delivery = new SessionDelivery(
                pack, learners, new AzureTableAnswerStore(storage), new AzureTableReviewStore(storage), new AzureTableDeliveryClaimStore(table),
                composer, new CampaignSessions(pack, composer), channel, limiter, options, new OptionShuffler(Random.Shared), TimeProvider.System,
                NullLogger<SessionDelivery>.Instance);
            campaigns = new AzureTableCampaignTable(storage);
            var candidates = new DeliveryCandidates(new AzureTableScheduleStore(table), learners, new AzureTableCampaignStore(campaigns), options);
            Runner = new DeliveryRunner(candidates, delivery, options, NullLogger<DeliveryRunner>.Instance);
        }

        public DeliveryRunner Runner { get; }

        public void Dispose()
        {
            http.Dispose();
            campaigns.Dispose();
            table.Dispose();
            storage.Dispose();
        }
    }

    /// <summary>The repo's pinned Azurite table emulator (npm ci), in memory, on a free loopback port.</summary>
    private sealed class Azurite : IDisposable
    {
        private readonly Process process;
        private readonly string location;

        private Azurite(Process process, string location, int port)
        {
            this.process = process;
            this.location = location;
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        }

        public string ConnectionString { get; }

        public static async Task<Azurite> StartAsync()
        {
            var launcher = Path.Combine(Repository.Find().NodeModules, ".bin", "azurite-table");
            if (!File.Exists(launcher))
            {
                throw new InvalidOperationException($"{launcher} is missing: run `npm ci` in the repository first.");
            }

            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var location = Path.Combine(Path.GetTempPath(), "beacon-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(location);
            var start = new ProcessStartInfo(launcher) { WorkingDirectory = location, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence", "--silent" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var waited = Stopwatch.StartNew();
            while (true)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    return new Azurite(process, location, port);
                }
                catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
                {
                    await Task.Delay(100).ConfigureAwait(false);
                }
            }
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(30_000);
            }

            process.Dispose();
            Directory.Delete(location, recursive: true);
        }
    }
}
