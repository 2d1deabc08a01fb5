namespace Beacon.Tests.Observability;

using System.Diagnostics;
using Beacon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static Beacon.Tests.Support.CardJsonQueries;

/// <summary>
/// Beacon's source and meter are process-wide, so these tests run alone: other tests' bots
/// would otherwise add to the counts.
/// </summary>
[CollectionDefinition(nameof(TelemetryAlone), DisableParallelization = true)]
public sealed class TelemetryAlone;

/// <summary>The real bot with OpenTelemetry's in-memory exporter: a span per turn, and Beacon's metrics.</summary>
[Collection(nameof(TelemetryAlone))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Each_turn_has_a_span_and_turns_and_answers_are_counted()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var sink = await ConnectorSink.StartAsync();
        await using var bot = await RunningBot.StartAsync(services: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
        var user = new BotConversation(bot, sink);

        using var quiz = await user.SayAsync("quiz");
        JsonQuestion? question = null;
        while (question is null)
        {
            var card = CardOf((await sink.NextAsync(TimeSpan.FromSeconds(15))).Body);
            var answer = ExecuteActions(card, "answer").FirstOrDefault();
            question = answer is null ? null : new JsonQuestion(answer["data"]!.DeepClone().AsObject());
        }

        await user.ExecuteAsync("answer", question.Data);
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var turnSpans = spans.Where(s => s.OperationName == "beacon.turn").ToList();
        Assert.Contains(turnSpans, s => (string?)s.GetTagItem("beacon.turn.kind") == "Message");
        Assert.Contains(turnSpans, s => (string?)s.GetTagItem("beacon.turn.kind") == "CardAction" && (string?)s.GetTagItem("beacon.verb") == "answer");
        Assert.Equal(2, Sum(metrics, "beacon.turns"));
        Assert.Equal(1, Sum(metrics, "beacon.answers"));
        Assert.Contains(metrics, m => m.Name == "beacon.turn.duration");
    }

    [Fact]
    public async Task A_scheduled_delivery_is_counted_by_outcome()
    {
        var metrics = new List<Metric>();
        await using var sink = await ConnectorSink.StartAsync();
        await using var bot = await RunningBot.StartAsync(
            new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" },
            services => services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)));
        var user = new BotConversation(bot, sink);
        await user.SayAsync("hello");
        await user.ExecuteAsync("schedule.start");

        // Monday 2026-11-30, 09:00 in New York (the learner's clientInfo zone) is 14:00 UTC.
        var report = await bot.Services.GetRequiredService<Beacon.Scheduler.Delivery.DeliveryRunner>()
            .RunDueAsync(new DateTimeOffset(2026, 11, 30, 14, 1, 0, TimeSpan.Zero), CancellationToken.None);
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(1, report.Sent);
        var deliveries = metrics.Where(m => m.Name == "beacon.deliveries").ToList();
        Assert.NotEmpty(deliveries);
        Assert.Equal(1, Sum(deliveries, "beacon.deliveries"));
    }

    private static long Sum(IEnumerable<Metric> metrics, string name)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    private sealed record JsonQuestion(System.Text.Json.Nodes.JsonObject Data);
}
