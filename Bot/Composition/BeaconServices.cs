namespace Beacon.Bot.Composition;

using Beacon.Bot.Campaigns;
using Beacon.Bot.Configuration;
using Beacon.Bot.Delivery;
using Beacon.Bot.Protocol;
using Beacon.Bot.Security;
using Beacon.Bot.Understanding;
using Beacon.Dialogs.Campaigns;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Routing;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Ports;

/// <summary>The one place that wires Beacon together.</summary>
public static class BeaconServices
{
    public static IServiceCollection AddBeacon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => LoadContent(configuration, provider.GetRequiredService<TimeProvider>()));
        services.AddBeaconStore(configuration);

        services.AddSingleton<IMemoryModel>(_ => new FsrsMemoryModel(new FsrsOptions()));
        services.AddSingleton<ISessionComposer>(sp => new SessionComposer(sp.GetRequiredService<IMemoryModel>(), new SessionComposerOptions()));
        services.AddSingleton<CampaignSessions>();
        services.AddSingleton(_ => new RatingPolicy(new RatingPolicyOptions()));
        services.AddSingleton(_ => new OptionShuffler(Random.Shared));

        services.Configure<SafeguardingOptions>(configuration.GetSection(SafeguardingOptions.Section));
        services.AddSingleton<ConfiguredSafeguardingDirectory>();
        services.AddSingleton<StoredSafeguardingRoutes>();
        services.AddSingleton<ISafeguardingDirectory, SafeguardingDirectory>();
        services.AddHostedService<SafeguardingRoutesRefresher>();
        services.AddSingleton<GuidanceComposer>();
        services.AddSingleton<LearnerDirectory>();
        services.AddSingleton<LearnerRegions>();
        services.AddSingleton<WelcomeFlow>();
        services.AddSingleton<CampaignQuiz>();
        services.AddSingleton<QuizFlow>();
        services.AddSingleton<RefresherFlow>();
        services.AddSingleton<RegionFromWords>();
        services.AddSingleton<ReportFlow>();
        services.AddSingleton<HandoffFlow>();
        services.AddSingleton<ProgressFlow>();
        services.AddSingleton<CampaignAudiences>();
        services.AddSingleton<CampaignFlow>();
        services.AddSingleton<ManagerFlow>();
        services.AddSingleton<SafeguardingFlow>();
        services.AddSingleton(sp => ShippedUnderstanding.For(sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<UnderstandingWarmUp>();
        services.AddSingleton<ITurnHandler, TurnRouter>();
        services.AddBeaconSecurity(configuration);

        services.AddBotProtocol(configuration);
        services.AddBeaconTelemetry(configuration);
        services.AddBeaconDelivery(configuration);
        services.AddCampaignReports(configuration);
        return services;
    }

    /// <summary>
    /// Reads the content pack once; an invalid pack (or a region far past its review date, unless
    /// Content:AllowOverdueRegions is true) stops start-up with every problem listed.
    /// </summary>
    private static ContentPack LoadContent(IConfiguration configuration, TimeProvider time) =>
        ContentPackLoader.LoadOrThrow(
            ContentDirectory.Require(configuration["Content:Path"]),
            ContentLoadOptions.On(time, configuration.GetValue<bool>("Content:AllowOverdueRegions")));
}
