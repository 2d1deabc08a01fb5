namespace Beacon.Dialogs.Campaigns;

using Beacon.Training.Campaigns;

/// <summary>Issues the signed, expiring link that downloads a campaign report as CSV (implemented in Bot).</summary>
public interface ICampaignReportLinks
{
    Uri IssueCsvLink(CampaignKey campaign);
}
