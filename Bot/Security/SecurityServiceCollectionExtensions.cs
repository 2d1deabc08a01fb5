namespace Beacon.Bot.Security;

using Beacon.Bot.Composition;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Ports;

/// <summary>Registers Beacon's security pieces: per-user rate limiting, manager checks, privacy (my data, forget me).</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Call after the store and the <see cref="ITurnHandler"/> are registered: the handler is
    /// wrapped by <see cref="RateLimitedTurnHandler"/>, and an <see cref="ILearnerEraser"/> is
    /// added for the configured store.
    /// </summary>
    public static IServiceCollection AddBeaconSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddSingleton<PerUserRateLimiter>();
        services.AddSingleton<IManagerDirectory>(sp => new ManagerDirectory(configuration, sp.GetRequiredService<IManagerGrantStore>(), sp.GetRequiredService<ILogger<ManagerDirectory>>()));
        services.AddSingleton<ManagerGate>();
        services.AddSingleton<PrivacyFlow>();

        // The eraser of the store in use, chosen when first resolved, as the stores themselves are.
        services.AddSingleton<ILearnerEraser>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableLearnerEraser(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteLearnerEraser(sp.GetRequiredService<SqliteDatabase>()));

        DecorateTurnHandler(services);
        return services;
    }

    private static void DecorateTurnHandler(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ITurnHandler))
            ?? throw new InvalidOperationException("Register the ITurnHandler before calling AddBeaconSecurity.");
        services.Remove(registered);
        Func<IServiceProvider, ITurnHandler> inner = registered switch
        {
            { ImplementationInstance: ITurnHandler instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (ITurnHandler)factory(sp),
            { ImplementationType: { } type } => sp => (ITurnHandler)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The ITurnHandler registration cannot be wrapped."),
        };
        // Outermost first: rate limit, then the reply-address check, then the router.
        services.AddSingleton<ITurnHandler>(sp => new RateLimitedTurnHandler(
            new ReplyAddressGuard(inner(sp), sp.GetRequiredService<ServiceUrlPolicy>(), sp.GetRequiredService<ILogger<ReplyAddressGuard>>()),
            sp.GetRequiredService<PerUserRateLimiter>(),
            sp.GetRequiredService<ILogger<RateLimitedTurnHandler>>()));
    }
}
