namespace Beacon.Dialogs.Turns;

public static class ConversationType
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
