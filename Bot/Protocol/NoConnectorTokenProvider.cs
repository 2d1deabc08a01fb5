namespace Beacon.Bot.Protocol;

/// <summary>Development mode: outbound calls (to a local emulator) carry no token.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
