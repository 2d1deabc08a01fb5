namespace Beacon.Bot.Protocol;

using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Validates the bearer token of an inbound activity: every check of Bot Framework
/// authentication (scheme, RS256 signature with a published key, issuer, audience, lifetime with
/// at most 5 minutes of skew, serviceurl claim, channel endorsement), plus Entra ID tokens for a
/// single-tenant bot.
/// </summary>
public sealed class BotTokenValidator(
    IOptions<BotOptions> options,
    OpenIdConfigurationSources sources,
    TimeProvider timeProvider,
    ILogger<BotTokenValidator> logger)
{
    private const string BearerScheme = "Bearer";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader,
        string? serviceUrl,
        string? channelId,
        CancellationToken cancellationToken)
    {
        var appId = options.Value.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            return BotAuthenticationResult.Fail("no App ID configured: tokens cannot be validated");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationResult.Fail("missing Authorization header");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("Authorization scheme is not Bearer");
        }

        var token = parts[1];
        JsonWebToken jwt;
        try
        {
            if (!handler.CanReadToken(token))
            {
                return BotAuthenticationResult.Fail("token is not a JWT");
            }

            jwt = handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or JsonException or FormatException)
        {
            return BotAuthenticationResult.Fail("token is not a JWT");
        }

        if (!string.Equals(jwt.Alg, AuthenticationConstants.SigningAlgorithm, StringComparison.Ordinal))
        {
            return BotAuthenticationResult.Fail($"algorithm '{jwt.Alg}' is not accepted");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return BotAuthenticationResult.Fail("token names no signing key (kid)");
        }

        var issuer = SafeIssuer(jwt);
        var trust = ChooseTrust(issuer);
        if (trust is null)
        {
            return BotAuthenticationResult.Fail($"issuer '{issuer}' is not trusted");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await trust.Manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (FindKey(configuration, jwt.Kid) is null)
            {
                // Keys roll over: an unknown kid asks for fresh metadata (the manager rate-limits this).
                trust.Manager.RequestRefresh();
                configuration = await trust.Manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            logger.LogError(ex, "Could not load the OpenID metadata to validate an inbound token");
            return BotAuthenticationResult.Fail("signing keys unavailable");
        }

        var key = FindKey(configuration, jwt.Kid);
        if (key is null)
        {
            return BotAuthenticationResult.Fail("token is signed with an unknown key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = trust.Issuers,
            ValidateIssuer = true,
            ValidAudience = appId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = AuthenticationConstants.MaxClockSkew,
            ValidAlgorithms = [AuthenticationConstants.SigningAlgorithm],
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = false,
            LifetimeValidator = ValidateLifetime,
        };

        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return BotAuthenticationResult.Fail($"token rejected: {result.Exception?.GetType().Name}: {result.Exception?.Message}");
        }

        if (trust.RequireAllowedCaller && CallerRefusal(jwt) is { } refusal)
        {
            return BotAuthenticationResult.Fail(refusal);
        }

        var serviceUrlClaim = jwt.TryGetClaim(AuthenticationConstants.ServiceUrlClaim, out var claim) ? claim.Value : null;
        if (trust.RequireServiceUrlClaim || serviceUrlClaim is not null)
        {
            if (string.IsNullOrEmpty(serviceUrlClaim) || string.IsNullOrEmpty(serviceUrl)
                || !string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return BotAuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl");
            }
        }

        if (trust.RequireEndorsement)
        {
            if (string.IsNullOrEmpty(channelId))
            {
                return BotAuthenticationResult.Fail("activity has no channelId to check the key's endorsements against");
            }

            var endorsements = GetEndorsements(configuration, jwt.Kid);
            if (!endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
            {
                return BotAuthenticationResult.Fail($"signing key is not endorsed for channel '{channelId}'");
            }
        }

        return BotAuthenticationResult.Success(result.ClaimsIdentity ?? new ClaimsIdentity());
    }

    /// <summary>The channels a published key is endorsed for (the JWK's "endorsements" array).</summary>
    public static IReadOnlyList<string> GetEndorsements(OpenIdConnectConfiguration configuration, string kid)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var jwk = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (jwk is null || !jwk.AdditionalData.TryGetValue(AuthenticationConstants.EndorsementsProperty, out var raw) || raw is null)
        {
            return [];
        }

        return raw switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            JsonElement { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
            _ => [],
        };
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var skew = AuthenticationConstants.MaxClockSkew;
        if (expires is null || expires.Value.ToUniversalTime() < now - skew)
        {
            return false;
        }

        return notBefore is null || notBefore.Value.ToUniversalTime() <= now + skew;
    }

    private static string? SafeIssuer(JsonWebToken jwt)
    {
        try
        {
            return jwt.Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Why the token's calling application may not call the bot; null when it may.</summary>
    private string? CallerRefusal(JsonWebToken jwt)
    {
        // Entra puts azp in v2.0 tokens and appid in v1.0 ones; whichever is present must be allowed.
        string[] callers =
        [
            .. new[] { AuthenticationConstants.AuthorizedPartyClaim, AuthenticationConstants.AppIdClaim }
                .Select(type => jwt.TryGetClaim(type, out var claim) ? claim.Value : null)
                .OfType<string>()
                .Where(value => !string.IsNullOrWhiteSpace(value)),
        ];
        if (callers.Length == 0)
        {
            return "token names no calling application (azp or appid)";
        }

        var foreign = callers.FirstOrDefault(caller => !options.Value.IsAllowedCaller(caller));
        return foreign is null ? null : $"calling application '{foreign}' is neither this bot nor listed in Bot:AllowedCallers";
    }

    private static SecurityKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    private Trust? ChooseTrust(string? issuer)
    {
        if (string.Equals(issuer, AuthenticationConstants.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return new Trust(sources.BotFramework, [AuthenticationConstants.BotFrameworkIssuer], RequireServiceUrlClaim: true, RequireEndorsement: true, RequireAllowedCaller: false);
        }

        var tenant = options.Value.MicrosoftAppTenantId;
        if (sources.EntraId is not null && !string.IsNullOrWhiteSpace(tenant))
        {
            string[] entraIssuers = [AuthenticationConstants.EntraV2Issuer(tenant), AuthenticationConstants.EntraV1Issuer(tenant)];
            if (entraIssuers.Contains(issuer, StringComparer.Ordinal))
            {
                return new Trust(sources.EntraId, entraIssuers, RequireServiceUrlClaim: false, RequireEndorsement: false, RequireAllowedCaller: true);
            }
        }

        return null;
    }

    private sealed record Trust(
        IConfigurationManager<OpenIdConnectConfiguration> Manager,
        string[] Issuers,
        bool RequireServiceUrlClaim,
        bool RequireEndorsement,
        bool RequireAllowedCaller);
}
