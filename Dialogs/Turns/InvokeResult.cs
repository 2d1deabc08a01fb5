namespace Beacon.Dialogs.Turns;

using Beacon.Cards.Model;

/// <summary>The answer to an Action.Execute invoke, which Teams shows in place of the card.</summary>
public abstract record InvokeResult;

/// <summary>Replace the card with this one.</summary>
public sealed record CardInvokeResult(AdaptiveCard Card) : InvokeResult;

/// <summary>Show a short message in place of a card update.</summary>
public sealed record MessageInvokeResult(string Message) : InvokeResult;

/// <summary>The action could not be handled. Status is 400 for bad input, 500 for our failure.</summary>
public sealed record ErrorInvokeResult(int StatusCode, string Code, string Message) : InvokeResult;
