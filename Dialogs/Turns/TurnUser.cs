namespace Beacon.Dialogs.Turns;

public sealed record TurnUser(string Id, string? AadObjectId, string? Name)
{
    /// <summary>The id that identifies the learner across conversations: the Entra object id when Teams gives it.</summary>
    public string StableId => string.IsNullOrEmpty(AadObjectId) ? Id : AadObjectId;
}
