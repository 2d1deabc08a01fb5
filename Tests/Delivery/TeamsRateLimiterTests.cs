namespace Beacon.Tests.Delivery;

using Beacon.Scheduler.Delivery;
using Microsoft.Extensions.Time.Testing;

/// <summary>The sender's limiter on a fake clock: Teams' tenant and per-conversation windows, Retry-After, the instance share.</summary>
public sealed class TeamsRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 13, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitOptions NoMargin = new() { SafetyMargin = TimeSpan.Zero, PaceTenant = false };

    [Fact]
    public void The_tenant_gets_50_requests_in_any_second_across_conversations()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(NoMargin, clock);
        var granted = Enumerable.Range(0, 60).Count(i => limiter.TryAcquire("t", "c" + i, out _));
        Assert.Equal(50, granted);

        Assert.False(limiter.TryAcquire("t", "c-next", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(limiter.TryAcquire("t", "c-next", out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire("t", "c-next", out _));

        // Another tenant has its own budget.
        Assert.True(limiter.TryAcquire("other", "c0", out _));
    }

    [Fact]
    public void A_conversation_gets_7_per_second_8_per_two_seconds_and_60_per_30_seconds()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(NoMargin, clock);
        Assert.Equal(7, Enumerable.Range(0, 10).Count(i => limiter.TryAcquire("t", "c", out _)));
        Assert.True(limiter.TryAcquire("t", "other", out _));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire("t", "c", out _)); // the 8th within 2 s
        Assert.False(limiter.TryAcquire("t", "c", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait); // the 9th waits for the first to leave the 2 s window

        // Sustained: at most 60 in any 30 s.
        var sent = 8;
        var times = new List<DateTimeOffset>();
        for (var step = 0; step < 600; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            if (limiter.TryAcquire("t", "c", out _))
            {
                sent++;
                times.Add(clock.GetUtcNow());
            }
        }

        for (var i = 60; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 60] >= TimeSpan.FromSeconds(30), $"61 sends within 30 s ending at {times[i]:O}");
        }

        Assert.True(sent >= 60 * 2, "the limiter lets the full 30 s budget through");
    }

    [Fact]
    public void Retry_after_blocks_the_tenant_and_the_conversation_until_it_has_passed()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(NoMargin, clock);
        limiter.Throttle("t", "c", TimeSpan.FromSeconds(3));
        Assert.False(limiter.TryAcquire("t", "c", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        Assert.False(limiter.TryAcquire("t", "other", out _));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(limiter.TryAcquire("t", "c", out _));
    }

    [Fact]
    public void The_safety_margin_and_instance_share_narrow_the_tenant_budget()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(new RateLimitOptions { TenantShare = 0.5, SafetyMargin = TimeSpan.FromMilliseconds(30), PaceTenant = false }, clock);
        Assert.Equal(25, Enumerable.Range(0, 60).Count(i => limiter.TryAcquire("t", "c" + i, out _)));
        Assert.False(limiter.TryAcquire("t", "x", out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(1030), wait);
    }

    [Fact]
    public void Pacing_spreads_the_tenant_budget_evenly_over_the_window()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(new RateLimitOptions { SafetyMargin = TimeSpan.Zero }, clock);
        Assert.True(limiter.TryAcquire("t", "a", out _));
        Assert.False(limiter.TryAcquire("t", "b", out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(20), wait);
        var granted = 1;
        for (var step = 0; step < 999; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            granted += limiter.TryAcquire("t", "c" + step, out _) ? 1 : 0;
        }

        Assert.Equal(50, granted); // 0, 20, ..., 980 ms within the first second: the full rate, never a burst
    }

    [Fact]
    public async Task AcquireAsync_waits_on_the_clock_for_the_next_free_slot()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(NoMargin, clock);
        for (var i = 0; i < 7; i++)
        {
            (await limiter.AcquireAsync("t", "c", CancellationToken.None)).Dispose();
        }

        var eighth = limiter.AcquireAsync("t", "c", CancellationToken.None).AsTask();
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await eighth).Dispose();
        Assert.Equal(Start.AddSeconds(1), clock.GetUtcNow());
    }

    [Fact]
    public void A_request_counts_until_a_window_after_its_response_so_latency_cannot_squeeze_a_window()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new TeamsRateLimiter(NoMargin, clock);
        var leases = new List<RateLease>();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.TryAcquire("t", "c", out _, out var lease));
            leases.Add(lease);
        }

        // The first response takes 400 ms: Teams may have received it as late as that.
        clock.Advance(TimeSpan.FromMilliseconds(400));
        leases[0].Dispose();
        foreach (var lease in leases.Skip(1))
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            lease.Dispose();
        }

        clock.SetUtcNow(Start.AddSeconds(1));
        Assert.False(limiter.TryAcquire("t", "c", out var wait, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(400), wait);
        clock.Advance(wait);
        Assert.True(limiter.TryAcquire("t", "c", out _));

        // While a request is in flight it keeps counting, however long it takes.
        var slow = new TeamsRateLimiter(NoMargin, clock);
        Assert.Equal(7, Enumerable.Range(0, 7).Count(i => slow.TryAcquire("t", "c", out _, out _)));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(slow.TryAcquire("t", "c", out _));
    }
}
