namespace Beacon.Bot.Protocol;

using Azure.Core;
using Azure.Identity;

/// <summary>
/// Client-credential tokens for https://api.botframework.com/.default from Azure.Identity (client
/// secret, certificate or managed identity), cached until five minutes before they expire.
/// </summary>
public sealed class AzureIdentityConnectorTokenProvider(TokenCredential credential, TimeProvider timeProvider)
    : IConnectorTokenProvider, IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TokenRequestContext RequestContext = new([AuthenticationConstants.ConnectorScope]);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile CachedToken? cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = cached;
        if (IsFresh(current))
        {
            return current!.Token;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = cached;
            if (!IsFresh(current))
            {
                var token = await credential.GetTokenAsync(RequestContext, cancellationToken).ConfigureAwait(false);
                current = new CachedToken(token.Token, token.ExpiresOn);
                cached = current;
            }

            return current!.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The credential the options ask for: managed identity, then certificate, then client secret.</summary>
    public static TokenCredential CreateCredential(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsDevelopmentMode)
        {
            throw new InvalidOperationException("No Bot:MicrosoftAppId is configured; outbound calls need no token.");
        }

        var tenant = options.IsSingleTenant ? options.MicrosoftAppTenantId! : AuthenticationConstants.BotFrameworkTenant;
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath))
        {
            return new ClientCertificateCredential(tenant, options.MicrosoftAppId, options.MicrosoftAppCertificatePath);
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return new ClientSecretCredential(tenant, options.MicrosoftAppId, options.MicrosoftAppPassword);
        }

        throw new InvalidOperationException(
            "Bot:MicrosoftAppId is set but no credential is: set Bot:MicrosoftAppPassword, Bot:MicrosoftAppCertificatePath or Bot:ManagedIdentityClientId.");
    }

    private bool IsFresh(CachedToken? token) =>
        token is not null && !string.IsNullOrEmpty(token.Token) && timeProvider.GetUtcNow() < token.ExpiresOn - RefreshMargin;

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
