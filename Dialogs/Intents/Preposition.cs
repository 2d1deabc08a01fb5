namespace Beacon.Dialogs.Intents;

/// <summary>What precedes a place name: where someone is ("in", "near"), where they came from ("from"), or neither.</summary>
internal enum Preposition
{
    None,
    Where,
    From,
}
