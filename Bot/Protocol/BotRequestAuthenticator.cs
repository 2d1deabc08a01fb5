namespace Beacon.Bot.Protocol;

using System.Net;
using Microsoft.Extensions.Options;

/// <summary>
/// With an App ID configured every request must carry a valid token and come from Teams
/// (<c>channelId</c> msteams) for a named tenant, the bot's own when it is single-tenant. Without
/// one (development mode) requests are let in without a token, but only from a loopback address.
/// In both modes an activity whose two tenant fields disagree is refused.
/// </summary>
public sealed class BotRequestAuthenticator(IOptions<BotOptions> options, BotTokenValidator validator) : IBotRequestAuthenticator
{
    private const string ConflictingTenants = "conversation.tenantId and channelData.tenant.id name different tenants";

    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        IPAddress? remoteAddress,
        Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var settings = options.Value;
        if (settings.IsDevelopmentMode)
        {
            if (!IsLoopback(remoteAddress))
            {
                return BotAuthenticationResult.Fail("development mode (no App ID) accepts loopback requests only");
            }

            return ActivityMapper.ReadTenant(activity).IsConflicting
                ? BotAuthenticationResult.Fail(ConflictingTenants)
                : BotAuthenticationResult.Development();
        }

        var result = await validator.ValidateAsync(authorizationHeader, activity.ServiceUrl, activity.ChannelId, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded && ChannelOrTenantRefusal(settings, activity) is { } refusal
            ? BotAuthenticationResult.Fail(refusal)
            : result;
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

    /// <summary>Why an activity with a valid token is still refused (the values are not echoed: they are the sender's).</summary>
    private static string? ChannelOrTenantRefusal(BotOptions settings, Activity activity)
    {
        if (!string.Equals(activity.ChannelId, BotOptions.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return "channelId is not msteams: an authenticated bot serves Teams only";
        }

        var tenant = ActivityMapper.ReadTenant(activity);
        if (tenant.IsConflicting)
        {
            return ConflictingTenants;
        }

        if (tenant.TenantId is null)
        {
            return "activity names no tenant (conversation.tenantId or channelData.tenant.id)";
        }

        return settings.IsSingleTenant
            && !string.Equals(tenant.TenantId, settings.MicrosoftAppTenantId!.Trim(), StringComparison.OrdinalIgnoreCase)
            ? "activity's tenant is not this single-tenant bot's tenant (Bot:MicrosoftAppTenantId)"
            : null;
    }
}
