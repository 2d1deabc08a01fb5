namespace Beacon.Bot.Protocol;

using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Dialogs.Turns;
using Beacon.Training.Observability;
using Microsoft.Extensions.Logging;

/// <summary>
/// Handles one POST /api/messages: size limit, parsing, authentication, mapping, the turn
/// handler, and the HTTP answer. Whatever happens, the answer is never a 500.
/// </summary>
public sealed class BotMessageProcessor(
    IBotRequestAuthenticator authenticator,
    IConnectorClient connector,
    TimeProvider timeProvider,
    IServiceScopeFactory scopes,
    InFlightTurns inFlight,
    RefusedRequestLog refusals,
    ILogger<BotMessageProcessor> logger)
{
    /// <summary>Bodies above 256 KB are refused with 413.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const string ApologyText = "Sorry, something went wrong on my side. Please try again in a moment.";

    public const string StillWorkingCode = "StillWorking";

    public const string StillWorkingText = "This is taking longer than usual. Please try again in a moment.";

    /// <summary>
    /// Teams gives up on a request after 15 seconds. A turn still running after this long is answered
    /// (200, or an invoke error asking to try again) and finishes in <see cref="InFlightTurns"/>.
    /// </summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    public async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var aborted = context.RequestAborted;
        Activity? activity = null;
        try
        {
            var body = await ReadBodyAsync(context.Request, aborted).ConfigureAwait(false);
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            activity = Parse(body.Value);
            if (activity is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var auth = await AuthenticateAsync(context, activity, aborted).ConfigureAwait(false);
            if (!auth.Succeeded)
            {
                refusals.Refused(activity.Type, context.Connection.RemoteIpAddress, auth.FailureReason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            var incoming = ActivityMapper.ToIncomingTurn(activity, timeProvider.GetUtcNow());
            var turn = new TurnContext(incoming, activity, connector);
            using var scope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["ActivityId"] = UntrustedText.ForLog(incoming.ActivityId),
                ["TurnKind"] = incoming.Kind,
                ["ConversationType"] = UntrustedText.ForLog(incoming.ConversationType),
            });

            if (incoming.Kind == TurnKind.CardAction)
            {
                var work = inFlight.Run(token => HandleInvokeAsync(turn, token), nameof(TurnKind.CardAction));
                var answer = await WithinDeadlineAsync(work, aborted).ConfigureAwait(false);
                await WriteJsonAsync(context, answer ?? StillWorking(), aborted).ConfigureAwait(false);
                return;
            }

            // An invoke's answer is its HTTP body, so there is no one to apologise to in chat.
            var apologise = !string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase)
                && incoming.Kind is TurnKind.Message or TurnKind.CardSubmit;
            var handled = inFlight.Run(token => HandleQuietlyAsync(turn, apologise, token), incoming.Kind.ToString());
            await WithinDeadlineAsync(handled, aborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away; there is no one to answer.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unexpected failure while processing an inbound activity");
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                if (activity is not null && string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
                {
                    await TryWriteJsonAsync(context, InternalError()).ConfigureAwait(false);
                }
                else
                {
                    context.Response.StatusCode = activity is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
                }
            }
        }
    }

    /// <summary>The activity in the body, or null when the body is not JSON or not an activity (no type).</summary>
    public static Activity? Parse(ReadOnlyMemory<byte> body)
    {
        // Invalid UTF-8 is refused here: JSON values kept as JsonElement (value, entities,
        // channelData) would otherwise fail later, when a flow reads them (found by fuzzing).
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return null;
        }

        try
        {
            var activity = ActivityJson.Deserialize(body.Span);
            return activity is null || string.IsNullOrWhiteSpace(activity.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] InternalError() =>
        InvokeResponses.Serialize(new ErrorInvokeResult(StatusCodes.Status500InternalServerError, "InternalError", "Something went wrong. Please try again."));

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteJsonAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = MediaTypeNames.Application.Json + "; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task TryWriteJsonAsync(HttpContext context, byte[] body)
    {
        try
        {
            await WriteJsonAsync(context, body, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // Nothing more can be said on a broken connection.
        }
    }

    private async Task<BotAuthenticationResult> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            var header = context.Request.Headers.Authorization.ToString();
            return await authenticator.AuthenticateAsync(
                string.IsNullOrEmpty(header) ? null : header,
                context.Connection.RemoteIpAddress,
                activity,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Authentication failed unexpectedly; the request is refused");
            return BotAuthenticationResult.Fail("authentication error");
        }
    }

    private static byte[] StillWorking() =>
        InvokeResponses.Serialize(new ErrorInvokeResult(StatusCodes.Status503ServiceUnavailable, StillWorkingCode, StillWorkingText));

    /// <summary>The turn's result if it ends within <see cref="AnswerWithin"/>; otherwise null, and it goes on in <see cref="InFlightTurns"/>.</summary>
    private async Task<T?> WithinDeadlineAsync<T>(Task<T?> turn, CancellationToken aborted)
    {
        try
        {
            return await turn.WaitAsync(AnswerWithin, timeProvider, aborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The turn is still running after {Deadline}: Teams is answered now and the turn finishes on its own", AnswerWithin);
            return default;
        }
    }

    private async Task<byte[]> HandleInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ITurnHandler>();
            var result = await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return InvokeResponses.Serialize(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The turn handler failed on an {Verb} action", UntrustedText.ForLog(turn.Incoming.Verb));
            return InternalError();
        }
    }

    private async Task<bool> HandleQuietlyAsync(TurnContext turn, bool apologise, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ITurnHandler>();
            await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The turn handler failed on a {TurnKind} turn", turn.Incoming.Kind);
            if (apologise)
            {
                await ApologiseAsync(turn, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
    }

    private async Task ApologiseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendAsync(OutgoingMessage.FromText(ApologyText), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not tell the user that their message failed");
        }
    }
}
