namespace Beacon.Tests.Support;

using Microsoft.Extensions.Time.Testing;

/// <summary>
/// Drives code that waits on a <see cref="FakeTimeProvider"/> (backoff, Retry-After, rate-limit pacing):
/// moves the clock a second at a time until the task ends. Bounded in fake time, so code that waits on
/// the real clock, or never ends, fails the test instead of hanging it. The caller awaits the task for its result.
/// </summary>
public static class FakeClockDriver
{
    public static async Task RunAsync(FakeTimeProvider clock, Task task, TimeSpan maxFakeTime, string failure)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(task);
        var steps = (int)maxFakeTime.TotalSeconds * 4;
        for (var i = 0; i < steps && !task.IsCompleted; i++)
        {
            // Let the code under test reach its next timer before the clock moves (a yield to other threads, not a wait for time).
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(2)));
            if (!task.IsCompleted && i % 4 == 3)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(task.IsCompleted, failure);
    }
}
