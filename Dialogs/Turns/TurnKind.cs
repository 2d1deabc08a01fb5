namespace Beacon.Dialogs.Turns;

public enum TurnKind
{
    /// <summary>Typed text (mention of the bot already stripped).</summary>
    Message,

    /// <summary>Action.Submit from a card: a message with a value and no text.</summary>
    CardSubmit,

    /// <summary>Action.Execute: an <c>adaptiveCard/action</c> invoke; the reply is the HTTP response.</summary>
    CardAction,

    /// <summary>The app was installed (installationUpdate add) or the bot was added to a conversation.</summary>
    Installed,

    /// <summary>The app was removed (installationUpdate remove) or the bot left the conversation.</summary>
    Uninstalled,

    /// <summary>Anything else: acknowledged, never answered.</summary>
    Other,
}
