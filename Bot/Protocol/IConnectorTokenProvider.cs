namespace Beacon.Bot.Protocol;

/// <summary>Bearer tokens for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>The token to send, or null when calls go out without one (development mode).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
