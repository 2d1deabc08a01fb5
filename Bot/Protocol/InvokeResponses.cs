namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;

/// <summary>The HTTP body answering an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>The response body as UTF-8 JSON, the card written once (see <see cref="AdaptiveCardJsonConverter"/>).</summary>
    public static byte[] Serialize(InvokeResult? result) => JsonSerializer.SerializeToUtf8Bytes(Body(result), ActivityJson.Options);

    /// <summary>The response body as a JSON tree (what <see cref="Serialize"/> writes).</summary>
    public static JsonObject ToJson(InvokeResult? result) => JsonNode.Parse(Serialize(result))!.AsObject();

    private static InvokeResponseBody Body(InvokeResult? result) => result switch
    {
        CardInvokeResult card => new(200, CardType, card.Card),
        MessageInvokeResult message => new(200, MessageType, message.Message),
        ErrorInvokeResult error => ErrorBody(error.StatusCode is >= 400 and <= 599 ? error.StatusCode : 500, error.Code, error.Message),
        null => new(200, MessageType, string.Empty),
        _ => ErrorBody(500, "UnsupportedResult", "The bot produced an answer it cannot send."),
    };

    private static InvokeResponseBody ErrorBody(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new ErrorValue(code, message));

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

    internal sealed record InvokeResponseBody(int StatusCode, string Type, object Value);

    internal sealed record ErrorValue(string Code, string Message);
}
