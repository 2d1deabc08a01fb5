namespace Beacon.Bot.Protocol;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

/// <summary>Registers the Bot Framework protocol layer.</summary>
public static class BotProtocolServiceCollectionExtensions
{
    public const string OpenIdHttpClientName = "Beacon.OpenIdMetadata";

    /// <summary>
    /// Registers options (section "Bot"), inbound authentication, the connector client with its
    /// retry pipeline, outbound tokens and the message processor. The caller registers
    /// <c>ITurnHandler</c> and maps the endpoint with <see cref="BotEndpointRouteBuilderExtensions.MapBotMessages"/>.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceUrlPolicy>();

        services.AddHttpClient(OpenIdHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(sp => OpenIdConfigurationSources.Create(
            sp.GetRequiredService<IOptions<BotOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdHttpClientName)));
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<IBotRequestAuthenticator, BotRequestAuthenticator>();

        services.TryAddSingleton(CreateTokenProvider);
        // No HttpClientFactory request logging (Information and Trace only, off in appsettings, yet
        // two handlers and a log scope on every post): ConnectorClient logs failures as warnings,
        // and OpenTelemetry traces outbound calls when an exporter is set.
        var connectorClient = services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        connectorClient.AddResilienceHandler("beacon-connector", ConnectorResilience.Configure);
        connectorClient.AddOutboundLimits();

        services.TryAddSingleton<RefusedRequestLog>();
        services.TryAddSingleton<InFlightTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<InFlightTurns>());
        services.TryAddScoped<BotMessageProcessor>();
        services.AddHostedService<BotProtocolStartupLogger>();
        return services;
    }

    private static IConnectorTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.IsDevelopmentMode)
        {
            return new NoConnectorTokenProvider();
        }

        try
        {
            var credential = AzureIdentityConnectorTokenProvider.CreateCredential(options);
            return new AzureIdentityConnectorTokenProvider(credential, services.GetRequiredService<TimeProvider>());
        }
        catch (InvalidOperationException ex)
        {
            return new UnavailableConnectorTokenProvider(ex.Message);
        }
    }
}
