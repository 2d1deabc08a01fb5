namespace Beacon.Bot.Composition;

using Beacon.Bot.Health;
using Beacon.Bot.Protocol;

/// <summary>Builds the web host: the composition root and the HTTP surface.</summary>
public static class BeaconApp
{
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddBeacon(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealth();
        app.MapBotMessages();
        return app;
    }
}
