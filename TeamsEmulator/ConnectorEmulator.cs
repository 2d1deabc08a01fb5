namespace Beacon.TeamsEmulator;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A Teams Bot Connector stand-in on loopback for tests and benchmarks: <c>POST v3/conversations</c>
/// (create a 1:1 conversation) and <c>POST v3/conversations/{id}/activities</c> (send). It holds
/// Teams' rate limits (answering 429 with Retry-After and counting each as a violation), injects
/// 5xx, timeouts, 403 (blocked users) and 404 (conversations gone) by configuration, and counts what
/// it accepted per conversation and per recipient.
/// </summary>
public sealed class ConnectorEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorOptions options;
    private readonly object gate = new();
    private readonly Random random;
    private readonly SlidingLog[] tenantLogs;
    private readonly Dictionary<string, SlidingLog[]> conversationLogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> acceptedByConversation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> acceptedByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AcceptedActivity> accepted = new();
    private readonly ConcurrentDictionary<string, byte> forbiddenUsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> goneConversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> generations = new(StringComparer.Ordinal);
    private int violations;
    private int throttled;
    private int serverErrors;
    private int timeouts;
    private int forbidden;
    private int notFound;
    private int created;
    private int requests;

    private ConnectorEmulator(WebApplication app, EmulatorOptions options)
    {
        this.app = app;
        this.options = options;
        random = new Random(options.Seed);
        tenantLogs = options.TenantLimits.Select(l => new SlidingLog(l.Permits, l.Window)).ToArray();
    }

    /// <summary>The serviceUrl to address (ends with '/').</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public EmulatorOptions Options => options;

    /// <summary>Requests that exceeded a limit (each answered 429).</summary>
    public int Violations => violations;

    public int Throttled => throttled;

    public int ServerErrors => serverErrors;

    public int Timeouts => timeouts;

    public int Forbidden => forbidden;

    public int NotFound => notFound;

    public int ConversationsCreated => created;

    /// <summary>Every request, whatever the answer.</summary>
    public int Requests => requests;

    public int AcceptedTotal => accepted.Count;

    public IReadOnlyCollection<AcceptedActivity> Accepted => accepted;

    public int AcceptedIn(string conversationId) => acceptedByConversation.GetValueOrDefault(conversationId);

    /// <summary>Messages accepted for a recipient (the activity's recipient.id), across all their conversations.</summary>
    public int AcceptedFor(string recipientId) => acceptedByRecipient.GetValueOrDefault(recipientId);

    public IReadOnlyDictionary<string, int> AcceptedByRecipient => acceptedByRecipient;

    /// <summary>From now on the user has blocked the bot: sends to them and new conversations with them get 403.</summary>
    public void Block(string userId) => forbiddenUsers[userId] = 0;

    /// <summary>The conversation no longer exists: sends to it get 404 (create a new one).</summary>
    public void Remove(string conversationId) => goneConversations[conversationId] = 0;

    /// <summary>When true, every conversation created from now on is gone at once (a conversation that cannot be recreated).</summary>
    public bool RemoveOnCreate { get; set; }

    /// <summary>The conversation id of a user's 1:1 chat: generation 0 exists from the start, each create makes the next.</summary>
    public static string PersonalConversationId(string userId, int generation = 0) =>
        generation == 0 ? "a:" + userId : $"a:{userId}:{generation}";

    public static async Task<ConnectorEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        var emulator = new ConnectorEmulator(app, options);
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)emulator.CreateConversationAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", (Func<string, HttpContext, Task<IResult>>)emulator.SendAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var userId = body?["members"]?[0]?["id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(userId))
        {
            return Results.BadRequest();
        }

        var refused = await GateAsync(conversationId: null, context).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        if (forbiddenUsers.ContainsKey(userId))
        {
            Interlocked.Increment(ref forbidden);
            return Results.StatusCode(403);
        }

        Interlocked.Increment(ref created);
        var generation = generations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        var id = PersonalConversationId(userId, generation);
        if (!RemoveOnCreate)
        {
            goneConversations.TryRemove(id, out _);
        }
        return Results.Json(new { id }, statusCode: 201);
    }

    private async Task<IResult> SendAsync(string conversationId, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var refused = await GateAsync(conversationId, context).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var recipient = body?["recipient"]?["id"]?.GetValue<string>() ?? conversationId;
        if (forbiddenUsers.ContainsKey(recipient))
        {
            Interlocked.Increment(ref forbidden);
            return Results.StatusCode(403);
        }

        if (goneConversations.ContainsKey(conversationId))
        {
            Interlocked.Increment(ref notFound);
            return Results.NotFound();
        }

        var id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        accepted.Enqueue(new AcceptedActivity(conversationId, recipient, id, options.Clock.GetUtcNow(), body));
        acceptedByConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        acceptedByRecipient.AddOrUpdate(recipient, 1, (_, n) => n + 1);
        return Results.Json(new { id }, statusCode: 201);
    }

    /// <summary>Limits first (a request over a limit is a violation, answered 429), then injected faults.</summary>
    private async Task<IResult?> GateAsync(string? conversationId, HttpContext context)
    {
        Interlocked.Increment(ref requests);
        double roll;
        lock (gate)
        {
            var now = options.Clock.GetUtcNow();
            var logs = conversationId is null ? [] : Logs(conversationId);
            if (tenantLogs.Any(l => !l.Allows(now)) || logs.Any(l => !l.Allows(now)))
            {
                violations++;
                throttled++;
                context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(429);
            }

            foreach (var log in tenantLogs.Concat(logs))
            {
                log.Add(now);
            }

            roll = random.NextDouble();
        }

        if (roll < options.ServerErrorRate)
        {
            Interlocked.Increment(ref serverErrors);
            int[] statuses = [500, 502, 503, 504, 412];
            return Results.StatusCode(statuses[(int)(roll / options.ServerErrorRate * statuses.Length) % statuses.Length]);
        }

        if (roll < options.ServerErrorRate + options.TimeoutRate)
        {
            Interlocked.Increment(ref timeouts);
            try
            {
                await Task.Delay(options.TimeoutHold, options.Clock, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up, as intended.
            }

            return Results.StatusCode(504);
        }

        return null;
    }

    private SlidingLog[] Logs(string conversationId)
    {
        if (!conversationLogs.TryGetValue(conversationId, out var logs))
        {
            logs = options.ConversationLimits.Select(l => new SlidingLog(l.Permits, l.Window)).ToArray();
            conversationLogs[conversationId] = logs;
        }

        return logs;
    }

    /// <summary>The last <c>permits</c> accepted request times; a request is allowed when fewer than permits fall in (now - window, now].</summary>
    private sealed class SlidingLog(int permits, TimeSpan window)
    {
        private readonly Queue<DateTimeOffset> times = new();

        public bool Allows(DateTimeOffset now) => times.Count < permits || times.Peek() <= now - window;

        public void Add(DateTimeOffset now)
        {
            if (times.Count >= permits)
            {
                times.Dequeue();
            }

            times.Enqueue(now);
        }
    }
}

/// <summary>A message the emulator accepted.</summary>
public sealed record AcceptedActivity(string ConversationId, string RecipientId, string ActivityId, DateTimeOffset At, JsonNode? Body);
