namespace Beacon.Bot.Composition;

using Beacon.Bot.Campaigns;
using Beacon.Bot.Health;
using Beacon.Bot.Protocol;

/// <summary>Builds the web host: the composition root and the HTTP surface.</summary>
public static class BeaconApp
{
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="args">Command-line arguments (host options such as --urls).</param>
    /// <param name="configure">Runs before Beacon's services are added: extra configuration sources, logging.</param>
    /// <param name="overrideServices">Runs after Beacon's services are added: replacements win.</param>
    public static WebApplication Build(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddBeacon(builder.Configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealth();
        app.MapBotMessages();
        app.MapCampaignReportExport();
        return app;
    }
}
