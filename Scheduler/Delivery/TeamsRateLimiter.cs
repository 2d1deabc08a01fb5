namespace Beacon.Scheduler.Delivery;

/// <summary>
/// Holds Teams' rate limits on our side, per tenant (all conversations) and per conversation, for
/// every window of <see cref="RateLimitOptions"/>. A request counts in a window from the moment it is
/// acquired until <see cref="RateLimitOptions.SafetyMargin"/> plus the window after its response came
/// back (<see cref="RateLease.Dispose"/>): Teams receives it somewhere in between, so however the
/// latency varies, Teams never sees more than the limit in any of its windows. A 429's Retry-After
/// blocks the tenant and the conversation (<see cref="Throttle"/>); the tenant's requests are paced
/// evenly (<see cref="RateLimitOptions.PaceTenant"/>). Time comes from the <see cref="TimeProvider"/>,
/// so tests run it on a fake clock. Thread-safe.
/// </summary>
public sealed class TeamsRateLimiter
{
    private static readonly TimeSpan IdleEviction = TimeSpan.FromHours(1.1);
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(5);

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
        tenantSpacing = options.PaceTenant && tenantWindows.Length > 0 ? tenantWindows.Max(w => w.Window / w.Permits) : TimeSpan.Zero;
        nextEviction = clock.GetUtcNow() + IdleEviction;
    }

    /// <summary>
    /// Waits until one more request to the conversation (null: tenant-wide only) is within every
    /// limit and counts it. Dispose the lease when the response has arrived.
    /// </summary>
    public async ValueTask<RateLease> AcquireAsync(string tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(tenantId, conversationId, out var wait, out var lease))
            {
                return lease;
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="TryAcquire(string, string?, out TimeSpan, out RateLease)"/> for a request answered at once.</summary>
    public bool TryAcquire(string tenantId, string? conversationId, out TimeSpan wait)
    {
        var acquired = TryAcquire(tenantId, conversationId, out wait, out var lease);
        lease.Dispose();
        return acquired;
    }

    /// <summary>
    /// Counts one request now if every limit allows it; otherwise counts nothing and says how long
    /// until it might (another caller may take that slot first).
    /// </summary>
    public bool TryAcquire(string tenantId, string? conversationId, out TimeSpan wait, out RateLease lease)
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
                var request = new Request(now);
                tenant.Record(request, now);
                conversation?.Record(request, now);
                wait = TimeSpan.Zero;
                lease = new RateLease(this, request);
                return true;
            }

            wait = ready - now;
            lease = default;
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

    internal void Complete(Request request)
    {
        lock (gate)
        {
            if (request.End == DateTimeOffset.MaxValue)
            {
                request.End = clock.GetUtcNow();
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
            foreach (var key in states.Where(s => s.Value.IsIdle(now, IdleEviction)).Select(s => s.Key).ToList())
            {
                states.Remove(key);
            }
        }
    }

    /// <summary>One request: counts until its <see cref="End"/> (MaxValue while in flight) plus the window.</summary>
    internal sealed class Request(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; set; } = DateTimeOffset.MaxValue;
    }

    /// <summary>The requests that still count in each window (in flight, or ended less than a window ago).</summary>
    private sealed class KeyState(RateWindow[] windows, TimeSpan spacing)
    {
        private readonly List<Request>[] logs = windows.Select(_ => new List<Request>()).ToArray();

        private DateTimeOffset lastStart = DateTimeOffset.MinValue;

        // Pacing as a virtual schedule (GCRA): a caller that wakes a little late does not push every later request back.
        private DateTimeOffset nextStart = DateTimeOffset.MinValue;

        public DateTimeOffset BlockedUntil { get; private set; }

        public bool IsIdle(DateTimeOffset now, TimeSpan idle) =>
            BlockedUntil <= now && logs.All(l => l.TrueForAll(r => r.End != DateTimeOffset.MaxValue)) && now - lastStart > idle;

        /// <summary>The first instant at which one more request fits every window (a guess while requests are in flight).</summary>
        public DateTimeOffset ReadyAt(DateTimeOffset now)
        {
            var ready = BlockedUntil > now ? BlockedUntil : now;
            if (spacing > TimeSpan.Zero && nextStart > ready)
            {
                ready = nextStart;
            }

            for (var i = 0; i < windows.Length; i++)
            {
                var window = windows[i];
                var log = logs[i];
                log.RemoveAll(r => r.End != DateTimeOffset.MaxValue && r.End + window.Window <= now);
                if (log.Count < window.Permits)
                {
                    continue;
                }

                // (Count - Permits + 1) requests must leave the window; the latest of those to leave decides.
                var ends = log.Select(r => r.End).Order().ToList();
                var end = ends[log.Count - window.Permits];
                var free = end == DateTimeOffset.MaxValue ? now + InFlightPoll : end + window.Window;
                if (free > ready)
                {
                    ready = free;
                }
            }

            return ready;
        }

        public void Record(Request request, DateTimeOffset now)
        {
            lastStart = now;
            if (spacing > TimeSpan.Zero)
            {
                // Late by less than one gap: keep the schedule. Idle longer: start a new one from now.
                nextStart = nextStart != DateTimeOffset.MinValue && nextStart + spacing > now ? nextStart + spacing : now + spacing;
            }

            foreach (var log in logs)
            {
                log.Add(request);
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

/// <summary>A counted request; dispose it when its response has arrived (or it failed).</summary>
public readonly struct RateLease : IDisposable, IEquatable<RateLease>
{
    private readonly TeamsRateLimiter? limiter;
    private readonly TeamsRateLimiter.Request? request;

    internal RateLease(TeamsRateLimiter limiter, TeamsRateLimiter.Request request)
    {
        this.limiter = limiter;
        this.request = request;
    }

    public void Dispose()
    {
        if (limiter is not null && request is not null)
        {
            limiter.Complete(request);
        }
    }

    public bool Equals(RateLease other) => ReferenceEquals(request, other.request);

    public override bool Equals(object? obj) => obj is RateLease other && Equals(other);

    public override int GetHashCode() => request?.GetHashCode() ?? 0;

    public static bool operator ==(RateLease left, RateLease right) => left.Equals(right);

    public static bool operator !=(RateLease left, RateLease right) => !left.Equals(right);
}
