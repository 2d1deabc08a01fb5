namespace Beacon.Bot.Protocol;

/// <summary>Settings of the Bot Framework protocol, bound from the configuration section "Bot".</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The only channel an authenticated bot serves.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>
    /// Used when <see cref="AllowedServiceUrls"/> is empty: the Teams connector of the public cloud
    /// (regions are paths: /amer/, /emea/, /teams/, ...) and of GCC, which authenticates like the
    /// public cloud. Not Direct Line, Web Chat or other botframework.com hosts.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedServiceUrls =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
    ];

    /// <summary>The bot's Microsoft App ID (the token audience). Empty means development mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The tenant of a single-tenant bot; enables Entra ID tokens and is the tenant for outbound tokens.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>A PEM or PFX file with the app's certificate (and private key), instead of a password.</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>The client id of a user-assigned managed identity, instead of a password or certificate.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The bot's public address (e.g. https://beacon.example.org), used in links Beacon sends such as
    /// CSV downloads. Empty: the address of the request being handled, else http://localhost:3978.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Where the Bot Framework channel service publishes its signing keys.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// The Entra ID OpenID metadata for a single-tenant bot; empty means
    /// https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// Service URLs the bot may call (and send its token to): a prefix such as
    /// https://smba.trafficmanager.net/ or a host pattern such as https://*.example.org/.
    /// Empty means <see cref="DefaultAllowedServiceUrls"/>.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>
    /// Applications, besides the bot itself, whose Entra ID tokens (the <c>azp</c> or <c>appid</c>
    /// claim) may call the bot. Empty by default; exact App IDs only, no wildcard.
    /// </summary>
    public IList<string> AllowedCallers { get; set; } = [];

    /// <summary>True when no App ID is configured: unauthenticated loopback traffic only.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

    public bool IsAllowedCaller(string? callerAppId) =>
        !string.IsNullOrWhiteSpace(callerAppId)
        && !IsDevelopmentMode
        && AllowedCallers.Append(MicrosoftAppId!)
            .Any(allowed => string.Equals(allowed?.Trim(), callerAppId.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> EffectiveAllowedServiceUrls =>
        AllowedServiceUrls.Count == 0 ? DefaultAllowedServiceUrls : [.. AllowedServiceUrls];

    public string EffectiveEntraOpenIdMetadataUrl =>
        string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl)
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0/.well-known/openid-configuration"
            : EntraOpenIdMetadataUrl;
}
