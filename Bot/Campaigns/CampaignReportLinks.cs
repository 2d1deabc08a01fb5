namespace Beacon.Bot.Campaigns;

using System.Globalization;
using Beacon.Bot.Composition;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Campaigns;
using Beacon.Training.Campaigns;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

/// <summary>
/// Issues CSV report links: <c>{Bot:PublicBaseUrl}/campaigns/{tenant}/{campaign}/report.csv?expires=…&amp;sig=…</c>,
/// valid for <see cref="CampaignReportOptions.ExportLinkLifetime"/>. The address is never taken from a request
/// (its Host header is the caller's to choose): without <c>Bot:PublicBaseUrl</c>, development mode links to the
/// bot's own loopback address and authenticated mode issues no link (and says why in the log and on the card).
/// </summary>
public sealed class CampaignReportLinks : ICampaignReportLinks
{
    /// <summary>Why an authenticated bot without <c>Bot:PublicBaseUrl</c> issues no CSV link.</summary>
    public const string MissingBaseUrl =
        "Bot:PublicBaseUrl is not set: campaign report cards carry no CSV download link. Set it to the bot's public https address.";

    private readonly ReportLinkSigner signer;
    private readonly IOptions<CampaignReportOptions> options;
    private readonly BotOptions bot;
    private readonly IServiceProvider services;
    private readonly TimeProvider clock;

    public CampaignReportLinks(
        ReportLinkSigner signer, IOptions<CampaignReportOptions> options, IOptions<BotOptions> bot, IServiceProvider services, TimeProvider clock, ILogger<CampaignReportLinks> logger)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(logger);
        this.signer = signer;
        this.options = options;
        this.bot = bot.Value;
        this.services = services;
        this.clock = clock;
        if (this.bot.PublicBaseUrl is null && !this.bot.IsDevelopmentMode)
        {
            logger.LogWarning(MissingBaseUrl);
        }
    }

    public Uri? IssueCsvLink(CampaignKey campaign)
    {
        if (BaseUrl() is not { } baseUrl)
        {
            return null;
        }

        var expires = clock.GetUtcNow().Add(options.Value.ExportLinkLifetime).ToUnixTimeSeconds();
        var path = CampaignReportEndpoints.CsvPath(campaign);
        var query = $"?{CampaignReportEndpoints.ExpiresParameter}={expires.ToString(CultureInfo.InvariantCulture)}&{CampaignReportEndpoints.SignatureParameter}={signer.Sign(campaign, expires)}";
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + path + query);
    }

    private Uri? BaseUrl()
    {
        if (bot.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        if (!bot.IsDevelopmentMode)
        {
            return null;
        }

        // Development mode answers only on loopback: link to where this process listens there.
        // Hosts without a server (some tests) have no address to offer.
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is { IsLoopback: true });
        return listening ?? new Uri(BeaconApp.DefaultUrl);
    }
}
