namespace Beacon.Bench.Turns;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>Where things are: the repository, Beacon's build output, node_modules.</summary>
internal sealed class Repository
{
    public Repository(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    /// <summary>The bench's own build configuration (Release under <c>-c Release</c>); Beacon is used from the same one.</summary>
    public string Configuration { get; }

    public string BotDll { get; init; } = string.Empty;

    public string DefaultBotDll => Path.Combine(Root, "Bot", "bin", Configuration, "net10.0", "Beacon.Bot.dll");

    public string ContentPath => Path.Combine(Root, "content");

    public string NodeModules => Path.Combine(Root, "node_modules");

    public static Repository Find()
    {
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDirectory)) ?? "Release";
        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TeamsBot.sln")))
            {
                var repository = new Repository(directory.FullName, configuration);
                return new Repository(directory.FullName, configuration) { BotDll = repository.DefaultBotDll };
            }
        }

        throw new InvalidOperationException($"No TeamsBot.sln above {baseDirectory}.");
    }

    /// <summary>The version of an installed npm package, or a clear failure when <c>npm ci</c> has not run.</summary>
    public string NpmVersion(string package)
    {
        var manifest = Path.Combine(NodeModules, package, "package.json");
        if (!File.Exists(manifest))
        {
            throw new InvalidOperationException($"{package} is not installed ({manifest} is missing). Run `npm ci` in {Root}.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return document.RootElement.GetProperty("version").GetString() ?? "?";
    }
}

/// <summary>Starts the targets and Azurite as separate processes on free loopback ports.</summary>
internal static class Launchers
{
    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts <c>dotnet Beacon.Bot.dll</c> (development mode: no App ID, loopback only) and polls
    /// GET /readyz every 5 ms; returns it with the time from process start to the first 200.
    /// </summary>
    public static async Task<(TargetProcess Process, Uri BaseAddress, TimeSpan Startup)> StartBeaconAsync(
        Repository repository, IDictionary<string, string> settings, HttpClient probe)
    {
        if (!File.Exists(repository.BotDll))
        {
            throw new InvalidOperationException(
                $"{repository.BotDll} is missing. Run the bench with `dotnet run --project bench -c Release -- turns`, which builds Bot too.");
        }

        var port = TargetProcess.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Content__Path"] = repository.ContentPath,
            ["Bot__MicrosoftAppId"] = string.Empty,
            // Per-turn logs are at Information at most; Warning keeps start-up lines off the pipe.
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = TargetProcess.Start(
            "dotnet",
            [repository.BotDll, "--urls", baseAddress.ToString().TrimEnd('/')],
            Path.GetDirectoryName(repository.BotDll)!,
            environment);
        try
        {
            var ready = new Uri(baseAddress, "readyz");
            var startup = await PollUntilOkAsync(process, probe, ready).ConfigureAwait(false);
            return (process, baseAddress, startup);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Starts Beacon (see <see cref="StartBeaconAsync"/>) on an embedded SQLite store in a new scratch folder.</summary>
    public static Task<(TargetProcess Process, Uri BaseAddress, TimeSpan Startup)> StartBeaconOnScratchStoreAsync(
        Repository repository, string scratchPrefix, HttpClient probe)
    {
        var scratch = Directory.CreateTempSubdirectory(scratchPrefix);
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Sqlite__Path"] = Path.Combine(scratch.FullName, "beacon.db"),
        };
        return StartBeaconAsync(repository, settings, probe);
    }

    /// <summary>Starts one of the JavaScript echo peers in bench/peers with the machine's Node.js.</summary>
    public static async Task<(TargetProcess Process, Uri BaseAddress)> StartPeerAsync(Repository repository, string script)
    {
        var port = TargetProcess.FreePort();
        var process = TargetProcess.Start(
            "node",
            [Path.Combine(repository.Root, "bench", "peers", script)],
            repository.Root,
            new Dictionary<string, string>
            {
                ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["NODE_ENV"] = "development",
                ["DEBUG"] = string.Empty,
            });
        try
        {
            await process.WaitForPortAsync(port, StartTimeout).ConfigureAwait(false);
            return (process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Starts the pinned Azurite table emulator in memory; returns it with a connection string.</summary>
    public static async Task<(TargetProcess Process, string ConnectionString)> StartAzuriteAsync(Repository repository, string workingDirectory)
    {
        var launcher = Path.Combine(repository.NodeModules, ".bin", "azurite-table");
        if (!File.Exists(launcher))
        {
            throw new InvalidOperationException($"Azurite is not installed ({launcher} is missing). Run `npm ci` in {repository.Root}.");
        }

        var port = TargetProcess.FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var process = TargetProcess.Start(
            launcher,
            ["--tableHost", "127.0.0.1", "--tablePort", portText, "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence", "--silent"],
            workingDirectory,
            new Dictionary<string, string>());
        try
        {
            await process.WaitForPortAsync(port, StartTimeout).ConfigureAwait(false);
            var connectionString =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteAccountKey};TableEndpoint=http://127.0.0.1:{portText}/devstoreaccount1;";
            return (process, connectionString);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private static async Task<TimeSpan> PollUntilOkAsync(TargetProcess process, HttpClient probe, Uri uri)
    {
        for (var attempt = 0; attempt < 1_000_000; attempt++)
        {
            process.ThrowIfExited();
            try
            {
                using var once = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await probe.GetAsync(uri, once.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(process.StartedAt);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Not up yet.
            }

            if (Stopwatch.GetElapsedTime(process.StartedAt) > StartTimeout)
            {
                break;
            }

            await Task.Delay(5).ConfigureAwait(false);
        }

        throw new TimeoutException($"Beacon was not ready at {uri} within {StartTimeout.TotalSeconds} s:\n{process.Output}");
    }
}
