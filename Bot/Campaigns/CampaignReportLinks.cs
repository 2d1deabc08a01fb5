namespace Beacon.Bot.Campaigns;

using System.Globalization;
using Beacon.Bot.Composition;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Campaigns;
using Beacon.Training.Campaigns;
using Microsoft.Extensions.Options;

/// <summary>
/// Issues CSV report links: <c>{public base}/campaigns/{tenant}/{campaign}/report.csv?expires=…&amp;sig=…</c>,
/// valid for <see cref="CampaignReportOptions.ExportLinkLifetime"/>.
/// </summary>
public sealed class CampaignReportLinks(
    ReportLinkSigner signer,
    IOptions<CampaignReportOptions> options,
    IOptions<BotOptions> bot,
    IHttpContextAccessor http,
    TimeProvider clock) : ICampaignReportLinks
{
    public Uri IssueCsvLink(CampaignKey campaign)
    {
        var expires = clock.GetUtcNow().Add(options.Value.ExportLinkLifetime).ToUnixTimeSeconds();
        var path = CampaignReportEndpoints.CsvPath(campaign);
        var query = $"?{CampaignReportEndpoints.ExpiresParameter}={expires.ToString(CultureInfo.InvariantCulture)}&{CampaignReportEndpoints.SignatureParameter}={signer.Sign(campaign, expires)}";
        return new Uri(BaseUrl().AbsoluteUri.TrimEnd('/') + path + query);
    }

    private Uri BaseUrl()
    {
        if (bot.Value.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var request = http.HttpContext?.Request;
        return request is { Host.HasValue: true }
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}")
            : new Uri(BeaconApp.DefaultUrl);
    }
}
