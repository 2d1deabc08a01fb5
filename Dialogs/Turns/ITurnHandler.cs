namespace Beacon.Dialogs.Turns;

/// <summary>The entry point of all conversation logic.</summary>
public interface ITurnHandler
{
    /// <summary>Handles one turn. For <see cref="TurnKind.CardAction"/> the result is the invoke response; otherwise null.</summary>
    Task<InvokeResult?> HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}
