namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;
using Beacon.Tests.Support;
using Microsoft.Extensions.Logging;

/// <summary>Turns answered early finish on graceful shutdown; when shutdown runs out of time they are cancelled; failures are logged.</summary>
public sealed class InFlightTurnsTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly CapturedLogs logs = new();
    private readonly ILoggerFactory loggers;
    private readonly InFlightTurns turns;

    public InFlightTurnsTests()
    {
        loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        turns = new InFlightTurns(loggers.CreateLogger<InFlightTurns>());
    }

    public void Dispose()
    {
        turns.Dispose();
        loggers.Dispose();
    }

    [Fact]
    public async Task Shutdown_waits_for_a_running_turn_to_finish()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var turn = turns.Run(
            async token =>
            {
                await release.Task;
                finished = !token.IsCancellationRequested;
                return true;
            },
            "Message");

        var stopped = turns.StoppedAsync(CancellationToken.None);

        Assert.False(stopped.IsCompleted);
        Assert.Equal(1, turns.Count);
        release.SetResult();
        await stopped.WaitAsync(Guard);
        Assert.True(await turn);
        Assert.True(finished);
        Assert.Equal(0, turns.Count);
    }

    [Fact]
    public async Task When_shutdown_time_is_up_the_running_turns_are_cancelled()
    {
        using var shutdownTimeUp = new CancellationTokenSource();
        var turn = turns.Run(
            async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return true;
            },
            "Message");

        var stopped = turns.StoppedAsync(shutdownTimeUp.Token);
        Assert.False(stopped.IsCompleted);
        await shutdownTimeUp.CancelAsync();

        await stopped.WaitAsync(Guard);
        Assert.False(await turn.WaitAsync(Guard));
        Assert.Contains(logs.Lines, line => line.Contains("cancelling 1 turns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_turn_that_throws_is_logged_and_does_not_fault()
    {
        var turn = turns.Run<bool>(_ => throw new InvalidOperationException("boom"), "CardAction");

        Assert.False(await turn.WaitAsync(Guard));
        Assert.Contains(logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) && line.Contains("CardAction", StringComparison.Ordinal) && line.Contains("boom", StringComparison.Ordinal));
        await turns.StoppedAsync(CancellationToken.None).WaitAsync(Guard);
    }
}
