namespace Beacon.Bot.Protocol;

using System.Net;
using Microsoft.Extensions.Options;

/// <summary>
/// With an App ID configured every request must carry a valid token. Without one (development
/// mode) requests are let in without a token, but only from a loopback address.
/// </summary>
public sealed class BotRequestAuthenticator(IOptions<BotOptions> options, BotTokenValidator validator) : IBotRequestAuthenticator
{
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        IPAddress? remoteAddress,
        Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (options.Value.IsDevelopmentMode)
        {
            return IsLoopback(remoteAddress)
                ? BotAuthenticationResult.Development()
                : BotAuthenticationResult.Fail("development mode (no App ID) accepts loopback requests only");
        }

        return await validator.ValidateAsync(authorizationHeader, activity.ServiceUrl, activity.ChannelId, cancellationToken)
            .ConfigureAwait(false);
    }

    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }
}
