namespace Beacon.Bench.Turns;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

/// <summary>
/// <c>turns [--concurrency 64] [--duration 20] [--warmup 10] [--peers all|none|botbuilder|agents]
/// [--store all|sqlite|azurite] [--startups 5]</c>: Beacon's quiz turn under N concurrent virtual
/// learners, with SQLite and with Azurite, side by side with echo peers on the official JavaScript
/// SDKs, one target at a time on this machine, under the same generator and connector sink.
/// </summary>
internal static class TurnsBench
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args, TextWriter output)
    {
        var options = TurnsOptions.Parse(args, output);
        if (options is null)
        {
            return 2;
        }

        try
        {
            return RunAsync(options, output).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            output.WriteLine($"turns: failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(TurnsOptions options, TextWriter output)
    {
        var repository = Repository.Find();
        if (options.BotDll is not null)
        {
            repository = new Repository(repository.Root, repository.Configuration) { BotDll = options.BotDll };
        }
        var botbuilderVersion = options.BotBuilder ? repository.NpmVersion("botbuilder") : null;
        var agentsVersion = options.AgentsHosting ? repository.NpmVersion("@microsoft/agents-hosting") : null;
        WriteMachine(output, options);
        output.WriteLine($"beacon: {repository.BotDll}");

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.Concurrency + 16,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        using var probeHandler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1) };
        using var probe = new HttpClient(probeHandler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(5) };
        await using var sink = await ConnectorSink.StartAsync().ConfigureAwait(false);
        var scratch = Directory.CreateTempSubdirectory("beacon-bench-turns-");
        var rows = new List<Row>();
        var startups = new List<TimeSpan>();
        try
        {
            // 1. Start-up to a ready /readyz, each time on a new SQLite file.
            for (var k = 0; k < options.Startups; k++)
            {
                var settings = SqliteSettings(scratch.FullName, $"startup-{k}");
                var (process, _, startup) = await Launchers.StartBeaconAsync(repository, settings, probe).ConfigureAwait(false);
                process.Dispose();
                startups.Add(startup);
                output.WriteLine(string.Create(C, $"start-up {k + 1}/{options.Startups}: ready in {startup.TotalMilliseconds:0} ms"));
            }

            // 2. Beacon with SQLite.
            if (options.Sqlite)
            {
                var (process, address, _) = await Launchers.StartBeaconAsync(repository, SqliteSettings(scratch.FullName, "load"), probe)
                    .ConfigureAwait(false);
                using (process)
                {
                    rows.Add(await MeasureAsync("beacon quiz (sqlite)", "beacon", process, null, address, TurnShape.Quiz, "bs", options, client, sink, output)
                        .ConfigureAwait(false));
                }
            }

            // 3. Beacon with Azurite (Azure Tables protocol on loopback).
            if (options.Azurite)
            {
                var azuriteDirectory = Directory.CreateDirectory(Path.Combine(scratch.FullName, "azurite"));
                var (azurite, connectionString) = await Launchers.StartAzuriteAsync(repository, azuriteDirectory.FullName).ConfigureAwait(false);
                using (azurite)
                {
                    var settings = new Dictionary<string, string>
                    {
                        ["Storage__Provider"] = "AzureTables",
                        ["Storage__AzureTables__ConnectionString"] = connectionString,
                        ["Storage__AzureTables__TablePrefix"] = "bench",
                        ["RateLimiting__BurstSize"] = "1000000", // virtual learners outpace people: measure turns, not the limiter
                        ["RateLimiting__TurnsPerSecond"] = "1000000",
                    };
                    var (process, address, _) = await Launchers.StartBeaconAsync(repository, settings, probe).ConfigureAwait(false);
                    using (process)
                    {
                        rows.Add(await MeasureAsync("beacon quiz (azurite)", "beacon-azurite", process, azurite, address, TurnShape.Quiz, "ba", options, client, sink, output)
                            .ConfigureAwait(false));
                    }
                }
            }

            // 4. The peers, one at a time.
            if (botbuilderVersion is not null)
            {
                var (process, address) = await Launchers.StartPeerAsync(repository, "botbuilder-echo.js").ConfigureAwait(false);
                using (process)
                {
                    rows.Add(await MeasureAsync($"botbuilder {botbuilderVersion} echo", "botbuilder", process, null, address, TurnShape.Echo, "pb", options, client, sink, output)
                        .ConfigureAwait(false));
                }
            }

            if (agentsVersion is not null)
            {
                var (process, address) = await Launchers.StartPeerAsync(repository, "agents-echo.js").ConfigureAwait(false);
                using (process)
                {
                    rows.Add(await MeasureAsync($"agents-hosting {agentsVersion} echo", "agents-hosting", process, null, address, TurnShape.Echo, "pa", options, client, sink, output)
                        .ConfigureAwait(false));
                }
            }
        }
        finally
        {
            TryDelete(scratch);
        }

        WriteReport(output, options, rows, startups, sink);
        return rows.Any(r => r.Result.Turns == 0) ? 1 : 0;
    }

    private static Dictionary<string, string> SqliteSettings(string scratch, string name) => new()
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__Path"] = Path.Combine(scratch, name, "beacon.db"),
        ["RateLimiting__BurstSize"] = "1000000", // virtual learners outpace people: measure turns, not the limiter
        ["RateLimiting__TurnsPerSecond"] = "1000000",
    };

    private static async Task<Row> MeasureAsync(
        string name,
        string key,
        TargetProcess target,
        TargetProcess? companion,
        Uri address,
        TurnShape shape,
        string tag,
        TurnsOptions options,
        HttpClient client,
        ConnectorSink sink,
        TextWriter output)
    {
        output.WriteLine($"{name}: load average before: {LoadAverage()}");
        output.WriteLine(string.Create(C, $"{name}: {options.Concurrency} learners, {options.WarmupSeconds:0.#} s warm-up, {options.DurationSeconds:0.#} s measured ..."));
        using var self = Process.GetCurrentProcess();
        TimeSpan targetCpu = default, companionCpu = default, generatorCpu = default;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var limit = (int)((options.WarmupSeconds + options.DurationSeconds) * 10) + 600;
            for (var i = 0; i < limit && !done.IsCancellationRequested; i++)
            {
                target.SampleRss();
                companion?.SampleRss();
                try
                {
                    await Task.Delay(100, done.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var generator = new LoadGenerator(client, sink, address, shape, tag);
        var result = await generator.RunAsync(
            options.Concurrency,
            TimeSpan.FromSeconds(options.WarmupSeconds),
            TimeSpan.FromSeconds(options.DurationSeconds),
            () =>
            {
                targetCpu = target.CpuTime();
                companionCpu = companion?.CpuTime() ?? default;
                self.Refresh();
                generatorCpu = self.TotalProcessorTime;
            },
            () =>
            {
                targetCpu = target.CpuTime() - targetCpu;
                companionCpu = (companion?.CpuTime() ?? default) - companionCpu;
                self.Refresh();
                generatorCpu = self.TotalProcessorTime - generatorCpu;
            }).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        target.ThrowIfExited();

        var row = new Row(name, key, result, targetCpu, target.SampleRss(), companionCpu, companion?.SampleRss(), generatorCpu);
        output.WriteLine($"  load average after: {LoadAverage()} (other processes on this machine compete for its cores)");
        output.WriteLine(string.Create(C, $"  {result.Turns:N0} turns, {result.TurnsPerSecond:0.0} turns/s, p99 {result.Percentile(99):0.0} ms, {result.Errors} errors"));
        foreach (var sample in result.ErrorSamples)
        {
            output.WriteLine("  error: " + sample);
        }

        return row;
    }

    private static void WriteMachine(TextWriter output, TurnsOptions options)
    {
        output.WriteLine("machine:");
        output.WriteLine($"  cores (nproc)   {Environment.ProcessorCount}");
        output.WriteLine($"  cpu             {ProcLine("/proc/cpuinfo", "model name") ?? "?"}");
        output.WriteLine($"  memory          {ProcLine("/proc/meminfo", "MemTotal") ?? "?"}");
        output.WriteLine($"  os              {RuntimeInformation.OSDescription}");
        output.WriteLine($"  .NET runtime    {RuntimeInformation.FrameworkDescription}");
        output.WriteLine($"  dotnet sdk      {Capture("dotnet", "--version")}");
        output.WriteLine($"  node            {Capture("node", "--version")}");
        output.WriteLine(string.Create(C, $"run: {options.Concurrency} concurrent learners, {options.WarmupSeconds:0.#} s warm-up + {options.DurationSeconds:0.#} s measured per target, targets one at a time"));
    }

    private static void WriteReport(TextWriter output, TurnsOptions options, List<Row> rows, List<TimeSpan> startups, ConnectorSink sink)
    {
        output.WriteLine();
        output.WriteLine(
            $"{"target",-28}{"turns",9}{"turns/s",10}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{"errors",8}" +
            $"{"CPU s/1k",10}{"CPU cores",11}{"peak RSS",10}{"gen CPU",9}");
        output.WriteLine(
            $"{string.Empty,-28}{string.Empty,9}{string.Empty,10}{string.Empty,9}{string.Empty,9}{string.Empty,9}{string.Empty,9}{string.Empty,8}" +
            $"{"turns",10}{"used",11}{"MB",10}{"s/1k",9}");
        foreach (var row in rows)
        {
            var r = row.Result;
            output.WriteLine(string.Create(
                C,
                $"{row.Name,-28}{r.Turns,9:N0}{r.TurnsPerSecond,10:0.0}{r.Percentile(50),9:0.0}{r.Percentile(95),9:0.0}{r.Percentile(99),9:0.0}" +
                $"{r.Percentile(100),9:0.0}{r.Errors,8}{PerThousand(row.TargetCpu, r.Turns),10:0.000}{row.TargetCpu.TotalSeconds / r.Seconds,11:0.00}" +
                $"{row.PeakRssBytes / 1048576.0,10:0.0}{PerThousand(row.GeneratorCpu, r.Turns),9:0.000}"));
            if (row.CompanionPeakRssBytes is { } azuriteRss)
            {
                output.WriteLine(string.Create(
                    C,
                    $"{"  + azurite process",-28}{string.Empty,9}{string.Empty,10}{string.Empty,9}{string.Empty,9}{string.Empty,9}{string.Empty,9}{string.Empty,8}" +
                    $"{PerThousand(row.CompanionCpu, r.Turns),10:0.000}{row.CompanionCpu.TotalSeconds / r.Seconds,11:0.00}{azuriteRss / 1048576.0,10:0.0}"));
            }
        }

        output.WriteLine();
        output.WriteLine("A beacon turn is a quiz message, the question card reaching the connector sink, and the answer invoke with its feedback card.");
        output.WriteLine("A peer turn is one message and its echo reaching the sink. CPU and RSS are the target process's own (/proc); gen CPU is the load generator and sink.");
        output.WriteLine(string.Create(C, $"connector sink: {sink.Posts:N0} posts, {sink.Unexpected} unexpected"));
        if (rows.Count > 0)
        {
            // For an owner weighing the turn ratio: a quiz turn is two requests to /api/messages, an echo turn one.
            var requests = rows.Select(r => string.Create(C, $"{r.Name} {r.Result.TurnsPerSecond * (r.Key.StartsWith("beacon", StringComparison.Ordinal) ? 2 : 1):N0}"));
            output.WriteLine("requests/s to /api/messages: " + string.Join(", ", requests));
        }

        var sorted = startups.Order().ToList();
        var median = sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
        if (sorted.Count > 0)
        {
            output.WriteLine(string.Create(
                C,
                $"start-up to ready /readyz (SQLite, {sorted.Count} starts): median {median.TotalMilliseconds:0} ms, min {sorted[0].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms"));
        }

        output.WriteLine();
        var beacon = rows.FirstOrDefault(r => r.Key == "beacon");
        var peers = rows.Where(r => r.Key is "botbuilder" or "agents-hosting").ToList();
        if (beacon is null || peers.Count == 0)
        {
            output.WriteLine("target: quiz turns/s >= 2x each peer's echo turns/s with a lower p99: not measured (needs --store sqlite and peers)");
        }
        else
        {
            var met = peers.All(p => Ratio(beacon, p) >= 2 && beacon.Result.Percentile(99) < p.Result.Percentile(99));
            var detail = string.Join(", ", peers.Select(p => string.Create(C, $"{p.Key} {Ratio(beacon, p):0.00}x, p99 {beacon.Result.Percentile(99):0.0} vs {p.Result.Percentile(99):0.0} ms")));
            output.WriteLine($"target: quiz turns/s >= 2x each peer's echo turns/s with a lower p99: {(met ? "met" : "MISSED")} ({detail})");
        }

        if (beacon is not null)
        {
            var p99 = beacon.Result.Percentile(99);
            var rss = rows.Where(r => r.Key.StartsWith("beacon", StringComparison.Ordinal)).Max(r => r.PeakRssBytes) / 1048576.0;
            output.WriteLine(string.Create(C, $"target: quiz p99 <= 50 ms at {options.Concurrency} learners with SQLite: {(p99 <= 50 ? "met" : "MISSED")} ({p99:0.0} ms)"));
            output.WriteLine(string.Create(C, $"target: Beacon peak RSS <= 250 MB under load: {(rss <= 250 ? "met" : "MISSED")} ({rss:0.0} MB)"));
        }

        if (sorted.Count > 0)
        {
            output.WriteLine(string.Create(C, $"target: start-up to ready <= 1.5 s: {(median.TotalSeconds <= 1.5 ? "met" : "MISSED")} (median {median.TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms)"));
        }

        if (beacon is not null)
        {
            foreach (var peer in peers)
            {
                var lower = beacon.Result.Percentile(99) < peer.Result.Percentile(99) ? "lower" : "NOT lower";
                output.WriteLine(string.Create(
                    C,
                    $"turns: beacon/{peer.Key} = {Ratio(beacon, peer):0.00}x turns/s ({beacon.Result.TurnsPerSecond:0.0} quiz vs {peer.Result.TurnsPerSecond:0.0} echo); " +
                    $"p99 {beacon.Result.Percentile(99):0.0} ms vs {peer.Result.Percentile(99):0.0} ms ({lower}); " +
                    $"CPU/1k {PerThousand(beacon.TargetCpu, beacon.Result.Turns):0.000} s vs {PerThousand(peer.TargetCpu, peer.Result.Turns):0.000} s; " +
                    $"peak RSS {beacon.PeakRssBytes / 1048576.0:0} MB vs {peer.PeakRssBytes / 1048576.0:0} MB"));
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static double Ratio(Row beacon, Row peer) =>
        peer.Result.TurnsPerSecond > 0 ? beacon.Result.TurnsPerSecond / peer.Result.TurnsPerSecond : double.PositiveInfinity;

    private static double PerThousand(TimeSpan cpu, int turns) => turns > 0 ? cpu.TotalSeconds / turns * 1000 : double.NaN;

    private static string? ProcLine(string file, string name)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Capture(string fileName, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return "?";
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(30_000);
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed record Row(
        string Name,
        string Key,
        LoadResult Result,
        TimeSpan TargetCpu,
        long PeakRssBytes,
        TimeSpan CompanionCpu,
        long? CompanionPeakRssBytes,
        TimeSpan GeneratorCpu);
}
