namespace Beacon.Bot.Protocol;

using Microsoft.Extensions.Options;

/// <summary>
/// Which service URLs the bot may call (and send its token to): the configured allow-list
/// (https only; a prefix such as https://smba.trafficmanager.net/ or a host pattern such as
/// https://*.example.org/) and, in development mode, loopback hosts over http or https.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotOptions> options)
{
    public bool IsAllowed(string? serviceUrl) => TryGetBaseUri(serviceUrl, out _);

    /// <summary>The service URL as an absolute base URI ending in '/', when it is allowed.</summary>
    public bool TryGetBaseUri(string? serviceUrl, out Uri baseUri)
    {
        baseUri = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var allowed = (options.Value.IsDevelopmentMode && IsLoopbackHost(uri))
            || (uri.Scheme == Uri.UriSchemeHttps && options.Value.EffectiveAllowedServiceUrls.Any(entry => Matches(entry, uri)));
        if (!allowed)
        {
            return false;
        }

        var text = uri.AbsoluteUri;
        baseUri = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        return true;
    }

    private static bool IsLoopbackHost(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.IsLoopback;

    private static bool Matches(string entry, Uri candidate)
    {
        const string wildcard = "*.";
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var scheme = entry[..schemeEnd];
        var rest = entry[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "/" : rest[slash..];
        var isWildcard = authority.StartsWith(wildcard, StringComparison.Ordinal);
        var concreteAuthority = isWildcard ? "wildcard." + authority[wildcard.Length..] : authority;
        if (!Uri.TryCreate($"{scheme}://{concreteAuthority}{path}", UriKind.Absolute, out var pattern))
        {
            return false;
        }

        if (!string.Equals(pattern.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase) || pattern.Port != candidate.Port)
        {
            return false;
        }

        var hostMatches = isWildcard
            ? candidate.Host.EndsWith(pattern.Host["wildcard".Length..], StringComparison.OrdinalIgnoreCase)
                && candidate.Host.Length > pattern.Host.Length - "wildcard".Length
            : string.Equals(pattern.Host, candidate.Host, StringComparison.OrdinalIgnoreCase);
        if (!hostMatches)
        {
            return false;
        }

        var prefix = pattern.AbsolutePath;
        var candidatePath = candidate.AbsolutePath;
        return prefix.EndsWith('/')
            ? candidatePath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || candidatePath + "/" == prefix
            : string.Equals(candidatePath, prefix, StringComparison.OrdinalIgnoreCase)
                || candidatePath.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }
}
