namespace Beacon.Bot.Security;

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

/// <summary>What the limiter says about one turn.</summary>
public enum RateDecision
{
    /// <summary>Within the user's allowance: handle it.</summary>
    Allowed,

    /// <summary>Over the limit, and the user has not been told in this notice interval: tell them once.</summary>
    LimitedNotify,

    /// <summary>Over the limit and already told: drop it quietly.</summary>
    LimitedQuiet,
}

/// <summary>
/// A token bucket per user (keyed by tenant and user id), on an injectable clock. Thread-safe;
/// one lock per bucket, so users never wait for each other.
/// </summary>
public sealed class PerUserRateLimiter(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string User), Bucket> buckets = new();

    public int TrackedUsers => buckets.Count;

    public RateDecision Acquire(string? tenantId, string? userId)
    {
        var settings = options.Value;
        var now = clock.GetTimestamp();
        var key = (tenantId ?? string.Empty, userId ?? string.Empty);
        if (buckets.Count >= settings.MaxTrackedUsers && !buckets.ContainsKey(key))
        {
            Sweep(settings, now);
        }

        var bucket = buckets.GetOrAdd(key, _ => new Bucket(settings.BurstSize, now));
        lock (bucket)
        {
            bucket.Refill(settings, clock.GetElapsedTime(bucket.Updated, now).TotalSeconds, now);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return RateDecision.Allowed;
            }

            if (bucket.NotifiedAt is { } told && clock.GetElapsedTime(told, now) < settings.NoticeInterval)
            {
                return RateDecision.LimitedQuiet;
            }

            bucket.NotifiedAt = now;
            return RateDecision.LimitedNotify;
        }
    }

    /// <summary>Drops buckets that have refilled completely: their users are within their allowance anyway.</summary>
    private void Sweep(RateLimitOptions settings, long now)
    {
        foreach (var (key, bucket) in buckets)
        {
            lock (bucket)
            {
                bucket.Refill(settings, clock.GetElapsedTime(bucket.Updated, now).TotalSeconds, now);
                if (bucket.Tokens >= settings.BurstSize)
                {
                    buckets.TryRemove(new KeyValuePair<(string, string), Bucket>(key, bucket));
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; private set; } = updated;

        public long? NotifiedAt { get; set; }

        public void Refill(RateLimitOptions settings, double elapsedSeconds, long now)
        {
            if (elapsedSeconds > 0)
            {
                Tokens = Math.Min(settings.BurstSize, Tokens + (elapsedSeconds * settings.TurnsPerSecond));
                Updated = now;
            }
        }
    }
}
