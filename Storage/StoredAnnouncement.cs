namespace Beacon.Storage;

using System.Text.Json;
using Beacon.Training.Campaigns;

/// <summary>The one JSON form both stores keep a <see cref="CampaignAnnouncement"/> in (null stays null).</summary>
internal static class StoredAnnouncement
{
    public static string? Format(CampaignAnnouncement? announcement) => announcement is null ? null : JsonSerializer.Serialize(announcement);

    public static CampaignAnnouncement? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<CampaignAnnouncement>(json);
}
