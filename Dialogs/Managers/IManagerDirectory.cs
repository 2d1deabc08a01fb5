namespace Beacon.Dialogs.Managers;

using Beacon.Dialogs.Turns;

/// <summary>Who may run campaigns and see team reports: the managers in configuration and those granted in chat.</summary>
public interface IManagerDirectory
{
    Task<bool> IsManagerAsync(string tenantId, TurnUser user, CancellationToken cancellationToken);

    /// <summary>True for a manager of this tenant listed in configuration: such a manager can't be revoked in chat.</summary>
    bool IsConfigured(string tenantId, TurnUser user);
}
