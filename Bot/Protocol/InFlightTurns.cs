namespace Beacon.Bot.Protocol;

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

/// <summary>
/// The turns still running, including those Teams was already answered for (see
/// <see cref="BotMessageProcessor.AnswerWithin"/>). Each runs with a token that is cancelled only
/// when graceful shutdown runs out of time: on shutdown the host waits for them after the web
/// server has drained its requests (<see cref="StoppedAsync"/>). A failure is logged, never thrown.
/// </summary>
public sealed class InFlightTurns(ILogger<InFlightTurns> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public int Count => running.Count;

    /// <summary>Starts <paramref name="work"/> and keeps track of it until it ends; the returned task never faults.</summary>
    public Task<T?> Run<T>(Func<CancellationToken, Task<T>> work, string description)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(() => RunLoggedAsync(work, description));
        running.TryAdd(task, 0);
        _ = task.ContinueWith(done => running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Completes when every turn started so far has ended.</summary>
    public Task WhenIdle() => Task.WhenAll(running.Keys);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the running turns; when the host's shutdown time is up, cancels them and returns.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (running.IsEmpty)
        {
            return;
        }

        logger.LogInformation("Waiting for {Count} turns still sending to Teams", running.Count);
        try
        {
            while (!running.IsEmpty)
            {
                await WhenIdle().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Shutdown time is up: cancelling {Count} turns that are still running", running.Count);
            await stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task<T?> RunLoggedAsync<T>(Func<CancellationToken, Task<T>> work, string description)
    {
        try
        {
            return await work(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return default;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A {Turn} turn failed outside its handler", description);
            return default;
        }
    }
}
