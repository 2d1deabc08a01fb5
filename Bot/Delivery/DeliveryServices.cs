namespace Beacon.Bot.Delivery;

using System.Globalization;
using Beacon.Bot.Composition;
using Beacon.Bot.Protocol;
using Beacon.Scheduler.Delivery;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Ports;
using Quartz;

/// <summary>
/// Registers scheduled delivery: the schedule and claim stores on the configured provider, the
/// rate limiter, the pipeline, the connector channel (a plain HttpClient: the pipeline does the
/// retrying), and Quartz (a catch-up trigger every minute plus slot triggers rebuilt from the store
/// at start-up). <c>Delivery:Enabled</c> = false leaves Quartz out (the stores and the pipeline stay).
/// </summary>
public static class DeliveryServices
{
    public static IServiceCollection AddBeaconDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DeliveryOptions.Section);

        services.AddSingleton(_ => new AzureTableDeliveryTable(_.GetRequiredService<AzureTableStorage>()));
        services.AddSingleton<IScheduleStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableScheduleStore(sp.GetRequiredService<AzureTableDeliveryTable>())
            : new SqliteScheduleStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IDeliveryClaimStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableDeliveryClaimStore(sp.GetRequiredService<AzureTableDeliveryTable>())
            : new SqliteDeliveryClaimStore(sp.GetRequiredService<SqliteDatabase>()));

        services.AddSingleton(_ => ReadOptions(section));
        services.AddSingleton(_ => new RateLimitOptions
        {
            TenantShare = double.TryParse(section["TenantShare"], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) ? share : 1.0,
        });
        services.AddSingleton(sp => new TeamsRateLimiter(sp.GetRequiredService<RateLimitOptions>(), sp.GetRequiredService<TimeProvider>()));
        var timeout = TimeSpan.TryParse(section["RequestTimeout"], CultureInfo.InvariantCulture, out var t) ? t : TimeSpan.FromSeconds(30);
        services.AddHttpClient<IDeliveryChannel, ConnectorDeliveryChannel>(ConnectorDeliveryChannel.HttpClientName, client => client.Timeout = timeout)
            .AddOutboundLimits();
        services.AddSingleton<DeliveryCandidates>();
        services.AddSingleton<SessionDelivery>();
        services.AddSingleton<DeliveryRunner>();
        services.AddSingleton<NudgeRunner>();
        services.AddSingleton<AnnouncementRunner>();
        services.AddSingleton<DeliveryTicker>();
        services.AddSingleton<SlotTriggers>();
        services.AddSingleton<Beacon.Dialogs.Flows.ScheduleFlow>();

        if (!string.Equals(section["Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            services.AddQuartz(q =>
            {
                q.AddJob<DeliveryJob>(j => j.WithIdentity(DeliveryJob.Key).StoreDurably());
                q.AddTrigger(t => t.WithIdentity(SlotTriggers.CatchUpKey).ForJob(DeliveryJob.Key).WithCronSchedule("0 * * * * ?"));
            });

            // Graceful shutdown: in-flight deliveries finish before the host stops.
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<SlotTriggerStartup>();
        }

        return services;
    }

    /// <summary>
    /// Binds <c>Delivery</c>: SessionSize, DefaultTimeZone, TenantTimeZones:{tenant}, CatchUpWindow, MaxParallelism,
    /// MaxAttempts, InstanceId, NudgeLocalTime (HH:mm), NudgeMinimumDelay.
    /// </summary>
    public static DeliveryOptions ReadOptions(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var defaults = new DeliveryOptions();
        return defaults with
        {
            SessionSize = int.TryParse(section["SessionSize"], CultureInfo.InvariantCulture, out var size) ? size : defaults.SessionSize,
            DefaultTimeZone = section["DefaultTimeZone"] is { Length: > 0 } zone ? zone : defaults.DefaultTimeZone,
            TenantTimeZones = section.GetSection("TenantTimeZones").GetChildren()
                .Where(c => !string.IsNullOrEmpty(c.Value))
                .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
            CatchUpWindow = TimeSpan.TryParse(section["CatchUpWindow"], CultureInfo.InvariantCulture, out var window) ? window : defaults.CatchUpWindow,
            MaxParallelism = int.TryParse(section["MaxParallelism"], CultureInfo.InvariantCulture, out var parallel) ? parallel : defaults.MaxParallelism,
            MaxAttempts = int.TryParse(section["MaxAttempts"], CultureInfo.InvariantCulture, out var attempts) ? attempts : defaults.MaxAttempts,
            InstanceId = section["InstanceId"] is { Length: > 0 } id ? id : defaults.InstanceId,
            NudgeLocalTime = TimeOnly.TryParse(section["NudgeLocalTime"], CultureInfo.InvariantCulture, out var nudgeAt) ? nudgeAt : defaults.NudgeLocalTime,
            NudgeMinimumDelay = TimeSpan.TryParse(section["NudgeMinimumDelay"], CultureInfo.InvariantCulture, out var nudgeDelay) ? nudgeDelay : defaults.NudgeMinimumDelay,
        };
    }
}

/// <summary>Rebuilds the slot triggers from the store once the host has started (a store that is down only logs).</summary>
public sealed class SlotTriggerStartup(SlotTriggers triggers, ILogger<SlotTriggerStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await triggers.RebuildAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(ex, "Could not read schedules at start-up; the catch-up trigger still delivers every minute");
        }
    }
}
