namespace Beacon.Bot.Protocol;

using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

/// <summary>
/// Where signing keys come from: the Bot Framework channel service's OpenID metadata and, for a
/// single-tenant bot, the tenant's Entra ID metadata. The managers cache the keys, refresh them
/// every 12 hours and on request (unknown key id).
/// </summary>
public sealed class OpenIdConfigurationSources
{
    /// <summary>How often the keys are fetched again even when nothing asks for it (at least daily).</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);

    public OpenIdConfigurationSources(
        IConfigurationManager<OpenIdConnectConfiguration> botFramework,
        IConfigurationManager<OpenIdConnectConfiguration>? entraId)
    {
        ArgumentNullException.ThrowIfNull(botFramework);
        BotFramework = botFramework;
        EntraId = entraId;
    }

    public IConfigurationManager<OpenIdConnectConfiguration> BotFramework { get; }

    /// <summary>Null unless the bot is single-tenant.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration>? EntraId { get; }

    /// <summary>Builds the managers from the options, fetching documents with the given client.</summary>
    public static OpenIdConfigurationSources Create(BotOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var botFramework = CreateManager(options.OpenIdMetadataUrl, httpClient);
        var entra = options.IsSingleTenant ? CreateManager(options.EffectiveEntraOpenIdMetadataUrl, httpClient) : null;
        return new OpenIdConfigurationSources(botFramework, entra);
    }

    /// <summary>A caching manager for one metadata address, with any document retriever (tests use an in-memory one).</summary>
    public static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl, IDocumentRetriever retriever) =>
        new(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
        };

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl, HttpClient httpClient)
    {
        var requireHttps = !Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) || !uri.IsLoopback;
        return CreateManager(metadataUrl, new HttpDocumentRetriever(httpClient) { RequireHttps = requireHttps });
    }
}
