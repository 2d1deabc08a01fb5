namespace Beacon.Bot.Security;

using Beacon.Bot.Protocol;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;
using Beacon.Training.Ports;

/// <summary>
/// Managers are the configured ones and those an existing manager granted in chat, each a manager
/// in one tenant only. Configured, by Entra object id (an array or one comma-separated string):
/// <list type="bullet">
/// <item><c>Managers:Tenants:&lt;tenantId&gt;:AadObjectIds</c>: managers of that tenant;</item>
/// <item><c>Managers:AadObjectIds</c>: managers of the bot's own tenant (<c>Bot:MicrosoftAppTenantId</c>)
/// for a single-tenant bot, of whatever tenant the local client names in development mode (no
/// App ID, loopback only), and of no tenant for a multi-tenant bot, which must name the tenant.</item>
/// </list>
/// Only a user Teams identifies by Entra object id can be a manager. Configuration is read on each
/// call, so a reload takes effect at once.
/// </summary>
public sealed class ManagerDirectory(IConfiguration configuration, IManagerGrantStore grants, ILogger? logger = null) : IManagerDirectory
{
    public const string Section = "Managers:AadObjectIds";

    public const string TenantsSection = "Managers:Tenants";

    private const string IdsKey = "AadObjectIds";

    private int ignoredFlatListReported;

    public async Task<bool> IsManagerAsync(string tenantId, TurnUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(user.AadObjectId))
        {
            return false;
        }

        return IsConfigured(tenantId, user)
            || (!string.IsNullOrEmpty(tenantId) && await grants.IsGrantedAsync(tenantId, user.AadObjectId.Trim(), cancellationToken).ConfigureAwait(false));
    }

    public bool IsConfigured(string tenantId, TurnUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !string.IsNullOrWhiteSpace(user.AadObjectId)
            && ConfiguredIds(tenantId).Contains(user.AadObjectId.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    private IEnumerable<string> ConfiguredIds(string? tenantId)
    {
        // Matched by key rather than by a path built from the tenant id, which comes from the activity.
        var ofTenant = string.IsNullOrWhiteSpace(tenantId)
            ? []
            : configuration.GetSection(TenantsSection).GetChildren()
                .Where(tenant => string.Equals(tenant.Key, tenantId.Trim(), StringComparison.OrdinalIgnoreCase))
                .SelectMany(tenant => Ids(tenant.GetSection(IdsKey)));
        return FlatListApplies(tenantId) ? ofTenant.Concat(Ids(configuration.GetSection(Section))) : ofTenant;
    }

    private bool FlatListApplies(string? tenantId)
    {
        var bot = configuration.GetSection(BotOptions.SectionName);
        if (string.IsNullOrWhiteSpace(bot[nameof(BotOptions.MicrosoftAppId)]))
        {
            return true;
        }

        var ownTenant = bot[nameof(BotOptions.MicrosoftAppTenantId)];
        if (!string.IsNullOrWhiteSpace(ownTenant))
        {
            return string.Equals(ownTenant.Trim(), tenantId?.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        if (logger is not null && Ids(configuration.GetSection(Section)).Any() && Interlocked.Exchange(ref ignoredFlatListReported, 1) == 0)
        {
            logger.LogWarning(
                "Managers:AadObjectIds is ignored: a multi-tenant bot names each tenant's managers in Managers:Tenants:<tenantId>:AadObjectIds");
        }

        return false;
    }

    private static IEnumerable<string> Ids(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
