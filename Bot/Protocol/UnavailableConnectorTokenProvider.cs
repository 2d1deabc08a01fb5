namespace Beacon.Bot.Protocol;

/// <summary>An App ID without a usable credential: every outbound call fails with the reason, nothing is sent.</summary>
public sealed class UnavailableConnectorTokenProvider(string reason) : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException(reason);
}
