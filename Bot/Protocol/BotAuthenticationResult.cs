namespace Beacon.Bot.Protocol;

using System.Security.Claims;

/// <summary>The outcome of authenticating one inbound request.</summary>
public sealed record BotAuthenticationResult
{
    public required bool Succeeded { get; init; }

    /// <summary>Why the request was refused (for logs only; never sent back in detail).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The validated token's claims; null in development mode.</summary>
    public ClaimsIdentity? Identity { get; init; }

    /// <summary>True when the request was let in without a token (development mode, loopback).</summary>
    public bool IsDevelopmentBypass { get; init; }

    public static BotAuthenticationResult Fail(string reason) => new() { Succeeded = false, FailureReason = reason };

    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new() { Succeeded = true, Identity = identity };

    public static BotAuthenticationResult Development() => new() { Succeeded = true, IsDevelopmentBypass = true };
}
