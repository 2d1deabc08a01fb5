namespace Beacon.Bot.Cli;

using System.Globalization;
using Beacon.Bot.Composition;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Ports;

/// <summary>
/// <c>storage copy --to azuretables [--from sqlite] [--sqlite-path p] [--connection-string cs | --service-uri u] [--table-prefix p]</c>
/// (and the reverse, <c>--from azuretables --to sqlite</c>): copies every learner profile, issued
/// question, answer, review state, handoff record, personal schedule, campaign, manager grant and
/// delivery claim from one store to the other. Idempotent: rows keep their
/// keys and are written add-or-replace, so a second run leaves the same rows. Settings not given
/// on the command line come from appsettings.json and the environment (Storage__...), as for the bot.
/// </summary>
public static class StorageCommand
{
    private const string Usage =
        "usage: storage copy --to azuretables|sqlite [--from sqlite|azuretables] [--sqlite-path PATH] "
        + "[--connection-string CS | --service-uri URI] [--table-prefix PREFIX]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CopyRequest request;
        try
        {
            request = Parse(args);
        }
        catch (FormatException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine(Usage);
            return 2;
        }

        if (request.Help)
        {
            output.WriteLine(Usage);
            return 0;
        }

        try
        {
            return CopyAsync(request, output, error, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (StoreUnavailableException ex)
        {
            error.WriteLine($"storage copy failed: {ex.Message}");
            error.WriteLine("Nothing is lost: run the same command again when the store is back; rows already copied are written again, not duplicated.");
            return 1;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"storage copy: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> CopyAsync(CopyRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = Configuration(request);
        var sqlitePath = Path.GetFullPath(configuration["Storage:Sqlite:Path"] is { Length: > 0 } p ? p : StoreRegistration.DefaultSqlitePath);
        if (request.From == StoreRegistration.SqliteProvider && !File.Exists(sqlitePath))
        {
            error.WriteLine($"storage copy: there is no SQLite database at {sqlitePath} (set --sqlite-path).");
            return 2;
        }

        using var sqlite = new SqliteDatabase(StoreRegistration.SqliteOptions(configuration, sqlitePath));
        using var tables = new AzureTableStorage(StoreRegistration.AzureTablesOptions(configuration));
        var sqliteTransfer = new SqliteStoreTransfer(sqlite);
        using var tablesTransfer = new AzureTableStoreTransfer(tables);
        var (source, target, targetName) = request.From == StoreRegistration.SqliteProvider
            ? ((IStoreExport)sqliteTransfer, (IStoreImport)tablesTransfer, $"Azure Table Storage (prefix {configuration["Storage:AzureTables:TablePrefix"] ?? "beacon"})")
            : (tablesTransfer, sqliteTransfer, $"SQLite {sqlitePath}");

        output.WriteLine($"Copying from {(request.From == StoreRegistration.SqliteProvider ? "SQLite " + sqlitePath : "Azure Table Storage")} to {targetName}.");
        // The target exists afterwards even when there is nothing to copy.
        if (target == tablesTransfer)
        {
            await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await sqlite.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }

        var learners = 0;
        await foreach (var learner in source.ExportLearnersAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportLearnerAsync(learner, cancellationToken).ConfigureAwait(false);
            learners++;
        }

        int withRecords = 0, issued = 0, answers = 0, reviews = 0;
        await foreach (var records in source.ExportRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportRecordsAsync(records, cancellationToken).ConfigureAwait(false);
            withRecords++;
            issued += records.Issued.Count;
            answers += records.Answers.Count;
            reviews += records.Reviews.Count;
        }

        var handoffs = 0;
        await foreach (var handoff in source.ExportHandoffsAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportHandoffAsync(handoff, cancellationToken).ConfigureAwait(false);
            handoffs++;
        }

        var schedules = 0;
        await foreach (var schedule in source.ExportSchedulesAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportScheduleAsync(schedule, cancellationToken).ConfigureAwait(false);
            schedules++;
        }

        var campaigns = 0;
        await foreach (var campaign in source.ExportCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportCampaignAsync(campaign, cancellationToken).ConfigureAwait(false);
            campaigns++;
        }

        var grants = 0;
        await foreach (var grant in source.ExportManagerGrantsAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportManagerGrantAsync(grant, cancellationToken).ConfigureAwait(false);
            grants++;
        }

        var routes = 0;
        await foreach (var route in source.ExportSafeguardingRoutesAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportSafeguardingRouteAsync(route, cancellationToken).ConfigureAwait(false);
            routes++;
        }

        var claims = 0;
        await foreach (var learnerClaims in source.ExportDeliveryClaimsAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.ImportDeliveryClaimsAsync(learnerClaims, cancellationToken).ConfigureAwait(false);
            claims += learnerClaims.Claims.Count;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(
            c,
            $"Copied {learners} learner profiles, the records of {withRecords} learners ({issued} issued questions, {answers} answers, {reviews} review states) and {handoffs} handoff records."));
        output.WriteLine(string.Create(
            c,
            $"Copied {schedules} personal schedules, {campaigns} campaigns, {grants} manager grants, {routes} safeguarding routes and {claims} delivery claims."));
        return 0;
    }

    private static IConfiguration Configuration(CopyRequest request)
    {
        var overrides = new Dictionary<string, string?>();
        if (request.SqlitePath is not null)
        {
            overrides["Storage:Sqlite:Path"] = request.SqlitePath;
        }

        if (request.ConnectionString is not null)
        {
            overrides["Storage:AzureTables:ConnectionString"] = request.ConnectionString;
            overrides["Storage:AzureTables:ServiceUri"] = null;
        }

        if (request.ServiceUri is not null)
        {
            overrides["Storage:AzureTables:ServiceUri"] = request.ServiceUri;
            overrides["Storage:AzureTables:ConnectionString"] = null;
        }

        if (request.TablePrefix is not null)
        {
            overrides["Storage:AzureTables:TablePrefix"] = request.TablePrefix;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    private static CopyRequest Parse(string[] args)
    {
        var rest = args.SkipWhile(a => a == "storage").ToList();
        if (rest is ["-h" or "--help", ..])
        {
            return new CopyRequest { Help = true };
        }

        if (rest is not ["copy", ..])
        {
            throw new FormatException("storage: the only command is 'copy'.");
        }

        var request = new CopyRequest();
        for (var i = 1; i < rest.Count; i++)
        {
            var name = rest[i];
            if (name is "-h" or "--help")
            {
                return new CopyRequest { Help = true };
            }

            if (i + 1 >= rest.Count)
            {
                throw new FormatException($"{name} needs a value");
            }

            var value = rest[++i];
            request = name switch
            {
                "--to" => request with { To = Provider(value) },
                "--from" => request with { From = Provider(value) },
                "--sqlite-path" => request with { SqlitePath = InvocationDirectory.FullPath(value) },
                "--connection-string" => request with { ConnectionString = value },
                "--service-uri" => request with { ServiceUri = value },
                "--table-prefix" => request with { TablePrefix = value },
                _ => throw new FormatException($"unknown option {name}"),
            };
        }

        if (request.To is null)
        {
            throw new FormatException("--to is required");
        }

        request = request with { From = request.From ?? (request.To == StoreRegistration.SqliteProvider ? StoreRegistration.AzureTablesProvider : StoreRegistration.SqliteProvider) };
        if (request.From == request.To)
        {
            throw new FormatException("--from and --to name the same store");
        }

        if (request.ConnectionString is not null && request.ServiceUri is not null)
        {
            throw new FormatException("give --connection-string or --service-uri, not both");
        }

        return request;
    }

    private static string Provider(string value) => value.ToUpperInvariant() switch
    {
        "AZURETABLES" => StoreRegistration.AzureTablesProvider,
        "SQLITE" => StoreRegistration.SqliteProvider,
        _ => throw new FormatException($"unknown store '{value}' (sqlite, azuretables)"),
    };

    private sealed record CopyRequest
    {
        public bool Help { get; init; }

        public string? To { get; init; }

        public string? From { get; init; }

        public string? SqlitePath { get; init; }

        public string? ConnectionString { get; init; }

        public string? ServiceUri { get; init; }

        public string? TablePrefix { get; init; }
    }
}
