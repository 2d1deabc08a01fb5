namespace Beacon.Bot.Protocol;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>Says at start-up which authentication mode the bot runs in.</summary>
public sealed class BotProtocolStartupLogger(IOptions<BotOptions> options, ILogger<BotProtocolStartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogMode(options.Value, logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void LogMode(BotOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.IsDevelopmentMode)
        {
            logger.LogWarning(
                "Bot protocol in unauthenticated local mode (no App ID): Bot:MicrosoftAppId is not set, so requests without a token are accepted "
                + "from loopback addresses only, outbound calls carry no token, and loopback service URLs are allowed. "
                + "This is not the hosting environment: set Bot__MicrosoftAppId to accept Teams' authenticated requests");
            return;
        }

        var credential = !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? "managed identity"
            : !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath) ? "certificate"
            : !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) ? "client secret"
            : null;
        logger.LogInformation(
            "Bot protocol in AUTHENTICATED mode: App ID {AppId}, {Tenancy}, outbound credential {Credential}, allowed service URLs {AllowedServiceUrls}",
            options.MicrosoftAppId,
            options.IsSingleTenant ? $"single-tenant ({options.MicrosoftAppTenantId}), Entra ID tokens accepted" : "multi-tenant",
            credential ?? "none",
            string.Join(", ", options.EffectiveAllowedServiceUrls));
        if (credential is null)
        {
            logger.LogError(
                "Bot:MicrosoftAppId is set but no credential is: set Bot:MicrosoftAppPassword, Bot:MicrosoftAppCertificatePath or Bot:ManagedIdentityClientId; the bot cannot send messages");
        }
    }
}
