namespace Beacon.Dialogs.Campaigns;

using Beacon.Training.Campaigns;

/// <summary>Issues the signed, expiring link that downloads a campaign report as CSV (implemented in Bot).</summary>
public interface ICampaignReportLinks
{
    /// <summary>The link; null when the bot has no public address to put in it (<c>Bot:PublicBaseUrl</c> unset in authenticated mode).</summary>
    Uri? IssueCsvLink(CampaignKey campaign);
}
