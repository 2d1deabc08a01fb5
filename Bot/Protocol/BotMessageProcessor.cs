namespace Beacon.Bot.Protocol;

using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Dialogs.Turns;
using Microsoft.Extensions.Logging;

/// <summary>
/// Handles one POST /api/messages: size limit, parsing, authentication, mapping, the turn
/// handler, and the HTTP answer. Whatever happens, the answer is never a 500.
/// </summary>
public sealed class BotMessageProcessor(
    IBotRequestAuthenticator authenticator,
    IConnectorClient connector,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<BotMessageProcessor> logger)
{
    /// <summary>Bodies above 256 KB are refused with 413.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const string ApologyText = "Sorry, something went wrong on my side. Please try again in a moment.";

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
                logger.LogWarning(
                    "Refused an inbound {ActivityType} activity from {RemoteAddress}: {Reason}",
                    activity.Type,
                    context.Connection.RemoteIpAddress,
                    auth.FailureReason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            var incoming = ActivityMapper.ToIncomingTurn(activity, timeProvider.GetUtcNow());
            var turn = new TurnContext(incoming, activity, connector);
            using var scope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["ActivityId"] = incoming.ActivityId,
                ["TurnKind"] = incoming.Kind,
                ["ConversationType"] = incoming.ConversationType,
            });

            if (incoming.Kind == TurnKind.CardAction)
            {
                var answer = await HandleInvokeAsync(context, turn, aborted).ConfigureAwait(false);
                await WriteJsonAsync(context, answer, aborted).ConfigureAwait(false);
                return;
            }

            if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            {
                await HandleQuietlyAsync(context, turn, aborted).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            // Replies after a message may outlive Teams' 15-second wait, so they follow the host's lifetime, not the request's.
            var handled = await HandleQuietlyAsync(context, turn, lifetime.ApplicationStopping).ConfigureAwait(false);
            if (!handled && incoming.Kind is TurnKind.Message or TurnKind.CardSubmit)
            {
                await ApologiseAsync(turn, lifetime.ApplicationStopping).ConfigureAwait(false);
            }

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

    private async Task<byte[]> HandleInvokeAsync(HttpContext context, TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            var handler = context.RequestServices.GetRequiredService<ITurnHandler>();
            var result = await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return InvokeResponses.Serialize(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The turn handler failed on an {Verb} action", turn.Incoming.Verb);
            return InternalError();
        }
    }

    private async Task<bool> HandleQuietlyAsync(HttpContext context, TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            var handler = context.RequestServices.GetRequiredService<ITurnHandler>();
            await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The turn handler failed on a {TurnKind} turn", turn.Incoming.Kind);
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
