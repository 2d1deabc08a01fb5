namespace Beacon.Bot.Protocol;

using System.Net;

/// <summary>Decides whether an inbound activity may be processed.</summary>
public interface IBotRequestAuthenticator
{
    Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        IPAddress? remoteAddress,
        Activity activity,
        CancellationToken cancellationToken);
}
