namespace Beacon.Tests.Protocol;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// A local stand-in for the Bot Framework channel service and an Entra tenant: RSA keys generated
/// here, published as OpenID metadata (with endorsements) in memory, and tokens signed with them.
/// </summary>
internal sealed class TestIssuer : IDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotFrameworkMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkKeys = "https://login.botframework.com/v1/.well-known/keys";
    public const string EntraMetadata = "https://login.microsoftonline.com/" + TenantId + "/v2.0/.well-known/openid-configuration";
    public const string EntraKeys = "https://login.microsoftonline.com/" + TenantId + "/discovery/v2.0/keys";
    public const string BotKeyId = "bf-key-1";
    public const string EntraKeyId = "entra-key-1";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TestIssuer()
    {
        Retriever.Set(BotFrameworkMetadata, Metadata(AuthenticationConstants.BotFrameworkIssuer, BotFrameworkKeys));
        Retriever.Set(BotFrameworkKeys, KeySet((BotKey, BotKeyId, ["msteams", "emulator"])));
        Retriever.Set(EntraMetadata, Metadata(AuthenticationConstants.EntraV2Issuer(TenantId), EntraKeys));
        Retriever.Set(EntraKeys, KeySet((EntraKey, EntraKeyId, null)));
    }

    // Generating RSA keys is slow: one set for the whole test run.
    public static RSA BotKey { get; } = RSA.Create(2048);

    public static RSA EntraKey { get; } = RSA.Create(2048);

    public static RSA StrangerKey { get; } = RSA.Create(2048);

    public InMemoryDocumentRetriever Retriever { get; } = new();

    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public OpenIdConfigurationSources Sources(bool singleTenant = true) => new(
        OpenIdConfigurationSources.CreateManager(BotFrameworkMetadata, Retriever),
        singleTenant ? OpenIdConfigurationSources.CreateManager(EntraMetadata, Retriever) : null);

    public static string Metadata(string issuer, string jwksUri) =>
        new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = jwksUri, ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }
            .ToJsonString();

    public static string KeySet(params (RSA Key, string Kid, string[]? Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (key, kid, endorsements) in keys)
        {
            var p = key.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }

    public static Task<OpenIdConnectConfiguration> LoadAsync(string metadata, IDocumentRetriever retriever) =>
        OpenIdConnectConfigurationRetriever.GetAsync(metadata, retriever, CancellationToken.None);

    /// <summary>A Bot Framework channel token; every part can be spoiled by the caller.</summary>
    public string BotFrameworkToken(
        string issuer = AuthenticationConstants.BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        RSA? key = null,
        string kid = BotKeyId)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims[AuthenticationConstants.ServiceUrlClaim] = serviceUrl;
        }

        return Sign(issuer, audience, claims, notBefore, expires, key ?? BotKey, kid);
    }

    /// <summary>An Entra ID token whose calling application is the bot itself: azp in v2.0, appid in v1.0.</summary>
    public string EntraToken(string issuer, string audience = AppId) => EntraToken(issuer, audience, CallerClaims(issuer, AppId));

    /// <summary>An Entra ID token carrying exactly <paramref name="callerClaims"/> (azp, appid, ver) besides iss, aud and tid.</summary>
    public string EntraToken(string issuer, string audience, IReadOnlyDictionary<string, object> callerClaims)
    {
        var claims = new Dictionary<string, object>(callerClaims) { ["tid"] = TenantId };
        return Sign(issuer, audience, claims, null, null, EntraKey, EntraKeyId);
    }

    /// <summary>How Entra names the calling application: v1.0 tokens (sts.windows.net) carry appid, v2.0 tokens azp.</summary>
    public static Dictionary<string, object> CallerClaims(string issuer, string callerAppId) =>
        IsEntraV1(issuer)
            ? new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = callerAppId }
            : new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = callerAppId };

    /// <summary>The version claim alone: a token that names no calling application.</summary>
    public static Dictionary<string, object> NoCallerClaims(string issuer) =>
        new() { ["ver"] = IsEntraV1(issuer) ? "1.0" : "2.0" };

    /// <summary>A token with any header, signed (or not) with the given bytes: for alg none and HS256.</summary>
    public string Unsafe(object header, string signatureSegment, string issuer = AuthenticationConstants.BotFrameworkIssuer)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = Now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = Now.AddHours(1).ToUnixTimeSeconds(),
        };
        return Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + "." + signatureSegment;
    }

    public string Hs256Token()
    {
        var secret = Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hmac-sha256!");
        var descriptor = Descriptor(AuthenticationConstants.BotFrameworkIssuer, AppId, new Dictionary<string, object> { ["serviceurl"] = ServiceUrl }, null, null);
        descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = BotKeyId }, SecurityAlgorithms.HmacSha256);
        return handler.CreateToken(descriptor);
    }

    public void Dispose()
    {
        // The keys are shared by all tests and live as long as the test run.
    }

    private string Sign(string issuer, string audience, Dictionary<string, object> claims, DateTimeOffset? notBefore, DateTimeOffset? expires, RSA key, string kid)
    {
        var descriptor = Descriptor(issuer, audience, claims, notBefore, expires);
        descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
        return handler.CreateToken(descriptor);
    }

    private SecurityTokenDescriptor Descriptor(string issuer, string audience, Dictionary<string, object> claims, DateTimeOffset? notBefore, DateTimeOffset? expires)
    {
        var nbf = notBefore ?? Now.AddMinutes(-1);
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = (expires ?? Now.AddHours(1)).UtcDateTime,
        };
    }

    private static bool IsEntraV1(string issuer) => issuer.StartsWith("https://sts.windows.net/", StringComparison.Ordinal);
}
