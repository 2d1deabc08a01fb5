namespace Beacon.Training.Observability;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// Beacon's traces and metrics, on the .NET diagnostics APIs (no exporter here): the host
/// subscribes to <see cref="SourceName"/> with OpenTelemetry and exports by configuration.
/// </summary>
public static class BeaconTelemetry
{
    public const string SourceName = "Beacon";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);

    /// <summary>Turns handled, tagged by kind (message, cardAction, ...).</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("beacon.turns", description: "Turns handled");

    public static readonly Histogram<double> TurnDuration =
        Meter.CreateHistogram<double>("beacon.turn.duration", unit: "ms", description: "Time to handle a turn");

    /// <summary>Answers stored, tagged by correct and confidence.</summary>
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("beacon.answers", description: "Answers recorded");

    /// <summary>Scheduled deliveries, tagged by outcome (sent, failed, inactive, skipped).</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("beacon.deliveries", description: "Scheduled session deliveries");

    /// <summary>Responses from Teams telling Beacon to slow down (HTTP 429).</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>("beacon.connector.throttled", description: "HTTP 429 responses from the connector");

    public static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("beacon.handoffs", description: "Safeguarding handoffs delivered");
}
