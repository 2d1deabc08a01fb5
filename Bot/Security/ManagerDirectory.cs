namespace Beacon.Bot.Security;

using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;
using Beacon.Training.Ports;

/// <summary>
/// Managers are the configured ones (<c>Managers:AadObjectIds</c>, an array or one comma-separated
/// string of Entra object ids) and those an existing manager granted in chat. Only a user Teams
/// identifies by Entra object id can be a manager. Configuration is read on each call, so a reload
/// takes effect at once.
/// </summary>
public sealed class ManagerDirectory(IConfiguration configuration, IManagerGrantStore grants) : IManagerDirectory
{
    public const string Section = "Managers:AadObjectIds";

    public async Task<bool> IsManagerAsync(string tenantId, TurnUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(user.AadObjectId))
        {
            return false;
        }

        return IsConfigured(user)
            || (!string.IsNullOrEmpty(tenantId) && await grants.IsGrantedAsync(tenantId, user.AadObjectId.Trim(), cancellationToken).ConfigureAwait(false));
    }

    public bool IsConfigured(TurnUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !string.IsNullOrWhiteSpace(user.AadObjectId) && Ids().Contains(user.AadObjectId.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    private IEnumerable<string> Ids()
    {
        var section = configuration.GetSection(Section);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
