namespace Beacon.Bot.Campaigns;

using System.Globalization;
using Beacon.Scheduler.Reports;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Microsoft.Extensions.Options;

/// <summary>
/// GET /campaigns/{tenant}/{campaign}/report.csv?expires=…&amp;sig=…: the campaign report as CSV, for a
/// link <see cref="CampaignReportLinks"/> signed. Anything altered is 403 with nothing in it; an
/// expired link is 410. There is no listing: without a signed link nothing here is reachable.
/// </summary>
public static class CampaignReportEndpoints
{
    public const string ExpiresParameter = "expires";
    public const string SignatureParameter = "sig";

    public const string RefusedMessage = "This download link is not valid. Ask Beacon for the campaign report again to get a new link.";
    public const string ExpiredMessage = "This download link has expired. Ask Beacon for the campaign report again to get a new link.";

    public static string CsvPath(CampaignKey campaign) =>
        $"/campaigns/{Uri.EscapeDataString(campaign.TenantId)}/{Uri.EscapeDataString(campaign.CampaignId)}/report.csv";

    public static IEndpointRouteBuilder MapCampaignReportExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/campaigns/{tenantId}/{campaignId}/report.csv", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        string tenantId,
        string campaignId,
        HttpRequest request,
        HttpResponse response,
        ReportLinkSigner signer,
        CampaignReportService reports,
        IOptionsSnapshot<CampaignReportOptions> options,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var key = new CampaignKey(tenantId, campaignId);
        var expiresText = request.Query[ExpiresParameter].ToString();
        if (!CampaignIds.IsWellFormed(campaignId)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expiresText != expires.ToString(CultureInfo.InvariantCulture)
            || !signer.IsValid(key, expires, request.Query[SignatureParameter].ToString()))
        {
            return Results.Text(RefusedMessage, statusCode: StatusCodes.Status403Forbidden);
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return Results.Text(ExpiredMessage, statusCode: StatusCodes.Status410Gone);
        }

        try
        {
            var report = await reports.BuildAsync(key, options.Value.ShowsIndividualResults(tenantId), cancellationToken).ConfigureAwait(false);
            if (report is null)
            {
                return Results.Text("This campaign no longer exists.", statusCode: StatusCodes.Status404NotFound);
            }

            response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{campaignId}-report.csv\"";
            return Results.Text(CampaignReportCsv.Write(report), "text/csv; charset=utf-8");
        }
        catch (StoreUnavailableException ex)
        {
            loggers.CreateLogger(typeof(CampaignReportEndpoints)).LogWarning(ex, "Campaign report {Campaign} could not be read: the store is unavailable.", key);
            return Results.Text("The report can't be read right now. Please try the link again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
