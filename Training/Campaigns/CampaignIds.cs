namespace Beacon.Training.Campaigns;

using System.Security.Cryptography;

/// <summary>New campaign ids: ten characters of Crockford base32 (50 random bits), safe in URLs, keys and card data.</summary>
public static class CampaignIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);

    public static bool IsWellFormed(string? id) => id is { Length: 10 } && id.All(Alphabet.Contains);
}
