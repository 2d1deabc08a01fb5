namespace Beacon.Bot.Protocol;

/// <summary>Fixed values of Bot Framework authentication.</summary>
public static class AuthenticationConstants
{
    /// <summary>The issuer of tokens from the Bot Framework channel service.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The scope of outbound tokens for the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The tenant of multi-tenant bots when asking for outbound tokens.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The calling application of an Entra ID v2.0 token.</summary>
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>The calling application of an Entra ID v1.0 token.</summary>
    public const string AppIdClaim = "appid";

    public const string EndorsementsProperty = "endorsements";

    public const string SigningAlgorithm = "RS256";

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static string EntraV2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string EntraV1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";
}
