namespace Beacon.Tests.Support;

using Beacon.Bot.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The real bot host on a loopback port with its own SQLite file, as `dotnet run --project Bot`
/// would start it, for tests that talk to it over HTTP.
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;

    private RunningBot(WebApplication app, string dataDirectory, Uri baseAddress, CapturedLogs logs)
    {
        this.app = app;
        Logs = logs;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the bot logged (Debug and above).</summary>
    public CapturedLogs Logs { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public IServiceProvider Services => app.Services;

    public string DatabasePath => System.IO.Path.Combine(dataDirectory, "beacon.db");

    public static async Task<RunningBot> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        IEnumerable<string>? arguments = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("beacon-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = System.IO.Path.Combine(dataDirectory, "beacon.db"),
            ["Content:Path"] = RepositoryRoot.Combine("content"),
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new CapturedLogs();
        // Command-line arguments reach the configuration before the composition root reads it (e.g. Storage:Provider).
        // No file watchers: dozens of hosts in one test run would exhaust the inotify instances.
        var app = BeaconApp.Build(["--urls", "http://127.0.0.1:0", "--hostBuilder:reloadConfigOnChange=false", .. arguments ?? []], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        }, services);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningBot(app, dataDirectory, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
