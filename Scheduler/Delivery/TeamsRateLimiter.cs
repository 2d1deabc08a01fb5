namespace Beacon.Scheduler.Delivery;

/// <summary>
/// Holds Teams' rate limits on our side: a sliding window log per tenant (all conversations) and per
/// conversation, for every window of <see cref="RateLimitOptions"/>. A caller waits in
/// <see cref="AcquireAsync"/> until a request is allowed under every window; a 429's Retry-After
/// blocks the tenant and the conversation (<see cref="Throttle"/>). Time comes from the
/// <see cref="TimeProvider"/>, so tests run it on a fake clock. Thread-safe.
/// </summary>
public sealed class TeamsRateLimiter
{
    private static readonly TimeSpan IdleEviction = TimeSpan.FromHours(1.1);

    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly RateWindow[] tenantWindows;
    private readonly RateWindow[] conversationWindows;
    private readonly TimeSpan tenantSpacing;
    private readonly Dictionary<string, KeyState> tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyState> conversations = new(StringComparer.Ordinal);
    private DateTimeOffset nextEviction;

    public TeamsRateLimiter(RateLimitOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.TenantShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TenantShare must be in (0, 1].");
        }

        this.clock = clock;
        tenantWindows = options.TenantLimits
            .Select(w => new RateWindow(Math.Max(1, (int)Math.Floor(w.Permits * options.TenantShare)), w.Window + options.SafetyMargin))
            .ToArray();
        conversationWindows = options.ConversationLimits.Select(w => w with { Window = w.Window + options.SafetyMargin }).ToArray();
        tenantSpacing = options.PaceTenant && tenantWindows.Length > 0
            ? tenantWindows.Max(w => w.Window / w.Permits)
            : TimeSpan.Zero;
        nextEviction = clock.GetUtcNow() + IdleEviction;
    }

    /// <summary>Waits until one more request to the conversation (null: tenant-wide only) is within every limit, and counts it.</summary>
    public async ValueTask AcquireAsync(string tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        while (!TryAcquire(tenantId, conversationId, out var wait))
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Counts one request now if every limit allows it; otherwise counts nothing and says how long
    /// until it might (another caller may take that slot first).
    /// </summary>
    public bool TryAcquire(string tenantId, string? conversationId, out TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (gate)
        {
            var now = clock.GetUtcNow();
            EvictIdle(now);
            var tenant = State(tenants, tenantId, tenantWindows, tenantSpacing);
            var conversation = conversationId is null ? null : State(conversations, conversationId, conversationWindows, TimeSpan.Zero);
            var ready = tenant.ReadyAt(now);
            if (conversation is not null)
            {
                var c = conversation.ReadyAt(now);
                ready = c > ready ? c : ready;
            }

            if (ready <= now)
            {
                tenant.Record(now);
                conversation?.Record(now);
                wait = TimeSpan.Zero;
                return true;
            }

            wait = ready - now;
            return false;
        }
    }

    /// <summary>Teams answered 429: nothing more to this tenant or conversation until Retry-After has passed.</summary>
    public void Throttle(string tenantId, string? conversationId, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (gate)
        {
            var until = clock.GetUtcNow() + (retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
            State(tenants, tenantId, tenantWindows, tenantSpacing).BlockUntil(until);
            if (conversationId is not null)
            {
                State(conversations, conversationId, conversationWindows, TimeSpan.Zero).BlockUntil(until);
            }
        }
    }

    private static KeyState State(Dictionary<string, KeyState> states, string key, RateWindow[] windows, TimeSpan spacing)
    {
        if (!states.TryGetValue(key, out var state))
        {
            state = new KeyState(windows, spacing);
            states[key] = state;
        }

        return state;
    }

    private void EvictIdle(DateTimeOffset now)
    {
        if (now < nextEviction)
        {
            return;
        }

        nextEviction = now + IdleEviction;
        foreach (var states in new[] { tenants, conversations })
        {
            foreach (var key in states.Where(s => now - s.Value.LastUsed > IdleEviction && s.Value.BlockedUntil <= now).Select(s => s.Key).ToList())
            {
                states.Remove(key);
            }
        }
    }

    /// <summary>The last <c>Permits</c> request times of each window, oldest first; and the pacing gap after the last request.</summary>
    private sealed class KeyState(RateWindow[] windows, TimeSpan spacing)
    {
        private readonly Queue<DateTimeOffset>[] logs = windows.Select(w => new Queue<DateTimeOffset>(Math.Min(w.Permits, 64))).ToArray();

        public DateTimeOffset LastUsed { get; private set; }

        public DateTimeOffset BlockedUntil { get; private set; }

        /// <summary>The first instant at which one more request fits every window.</summary>
        public DateTimeOffset ReadyAt(DateTimeOffset now)
        {
            var ready = BlockedUntil > now ? BlockedUntil : now;
            if (spacing > TimeSpan.Zero && LastUsed + spacing > ready)
            {
                ready = LastUsed + spacing;
            }

            for (var i = 0; i < windows.Length; i++)
            {
                var log = logs[i];
                if (log.Count >= windows[i].Permits)
                {
                    // The oldest of the last Permits requests must have left the window.
                    var free = log.Peek() + windows[i].Window;
                    if (free > ready)
                    {
                        ready = free;
                    }
                }
            }

            return ready;
        }

        public void Record(DateTimeOffset now)
        {
            LastUsed = now;
            for (var i = 0; i < windows.Length; i++)
            {
                var log = logs[i];
                if (log.Count >= windows[i].Permits)
                {
                    log.Dequeue();
                }

                log.Enqueue(now);
            }
        }

        public void BlockUntil(DateTimeOffset until)
        {
            if (until > BlockedUntil)
            {
                BlockedUntil = until;
            }
        }
    }
}
