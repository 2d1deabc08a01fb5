namespace Beacon.Bot.Security;

using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;

/// <summary>
/// Managers from configuration: <c>Managers:AadObjectIds</c>, an array (or one comma-separated
/// string) of Entra object ids. Only a user Teams identifies by Entra object id can be a manager.
/// Read on each call, so a configuration reload takes effect at once.
/// </summary>
public sealed class ConfiguredManagerDirectory(IConfiguration configuration) : IManagerDirectory
{
    public const string Section = "Managers:AadObjectIds";

    public bool IsManager(string tenantId, TurnUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(user.AadObjectId))
        {
            return false;
        }

        return Ids().Contains(user.AadObjectId.Trim(), StringComparer.OrdinalIgnoreCase);
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
