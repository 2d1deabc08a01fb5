namespace Beacon.Bot.Protocol;

/// <summary>The activity types and invoke names Beacon distinguishes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";

    /// <summary>The invoke name of an Action.Execute (Universal Actions).</summary>
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
}
