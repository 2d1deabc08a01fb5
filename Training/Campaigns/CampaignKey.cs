namespace Beacon.Training.Campaigns;

public readonly record struct CampaignKey(string TenantId, string CampaignId)
{
    public override string ToString() => TenantId + "/" + CampaignId;
}
