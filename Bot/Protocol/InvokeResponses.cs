namespace Beacon.Bot.Protocol;

using System.Text.Json.Nodes;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;

/// <summary>The HTTP body answering an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static JsonObject ToJson(InvokeResult? result) => result switch
    {
        CardInvokeResult card => new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = CardType,
            ["value"] = CardJson.ToJsonObject(card.Card),
        },
        MessageInvokeResult message => Message(message.Message),
        ErrorInvokeResult error => Error(error.StatusCode is >= 400 and <= 599 ? error.StatusCode : 500, error.Code, error.Message),
        null => Message(string.Empty),
        _ => Error(500, "UnsupportedResult", "The bot produced an answer it cannot send."),
    };

    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = text,
    };

    public static JsonObject Error(int statusCode, string code, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
