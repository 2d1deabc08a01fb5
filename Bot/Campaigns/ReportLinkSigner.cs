namespace Beacon.Bot.Campaigns;

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Beacon.Training.Campaigns;
using Microsoft.Extensions.Options;

/// <summary>
/// Signs and checks CSV download links: HMAC-SHA256 over the tenant, the campaign and the expiry,
/// each length-prefixed so no two different links sign the same bytes.
/// </summary>
public sealed class ReportLinkSigner
{
    private readonly byte[] key;

    public ReportLinkSigner(IOptions<CampaignReportOptions> options, ILogger<ReportLinkSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var configured = options.Value.ExportSigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning(
                "Campaigns:ExportSigningKey is not set: CSV report links are signed with a random key for this process only. " +
                "They stop working when the bot restarts and are refused by other instances. Set the key (at least {Length} characters) in production.",
                CampaignReportOptions.MinimumKeyLength);
        }
        else if (configured.Length < CampaignReportOptions.MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"Campaigns:ExportSigningKey is too short: use at least {CampaignReportOptions.MinimumKeyLength} random characters.");
        }
        else
        {
            key = Encoding.UTF8.GetBytes(configured);
        }
    }

    public string Sign(CampaignKey campaign, long expiresUnixSeconds) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Message(campaign, expiresUnixSeconds)));

    /// <summary>True when <paramref name="signature"/> is the one this key gives; compared in constant time.</summary>
    public bool IsValid(CampaignKey campaign, long expiresUnixSeconds, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(key, Message(campaign, expiresUnixSeconds)));
    }

    private static byte[] Message(CampaignKey campaign, long expires) =>
        Encoding.UTF8.GetBytes(string.Join(
            '|',
            "beacon-campaign-report-csv-v1",
            Prefixed(campaign.TenantId),
            Prefixed(campaign.CampaignId),
            expires.ToString(CultureInfo.InvariantCulture)));

    private static string Prefixed(string value) => value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value;
}
