namespace Beacon.Bot.Understanding;

using Beacon.Dialogs.Intents;
using Microsoft.Extensions.Hosting;

/// <summary>Loads the sentence model and encodes the examples in the background at start-up, so the first person to write does not wait for it.</summary>
internal sealed class UnderstandingWarmUp(MessageUnderstanding understanding) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(understanding.Warm, stoppingToken);
}
