namespace Beacon.Dialogs.Managers;

using Beacon.Dialogs.Turns;

/// <summary>Who may run campaigns and see team reports.</summary>
public interface IManagerDirectory
{
    bool IsManager(string tenantId, TurnUser user);
}
