namespace Beacon.Tests.Security;

using System.Net;
using Beacon.Bot.Protocol;
using Beacon.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

/// <summary>Refused requests are logged at most <see cref="RefusedRequestLog.WarningsPerWindow"/> times a minute, the rest summarised.</summary>
public sealed class RefusedRequestLogTests : IDisposable
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.9");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs logs = new();
    private readonly ILoggerFactory loggers;
    private readonly RefusedRequestLog log;

    public RefusedRequestLogTests()
    {
        loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        log = new RefusedRequestLog(clock, loggers.CreateLogger<RefusedRequestLog>());
    }

    public void Dispose()
    {
        log.Dispose();
        loggers.Dispose();
    }

    [Fact]
    public void The_first_refusals_of_a_minute_are_warnings_the_rest_one_summary_when_the_minute_ends()
    {
        for (var i = 0; i < 25; i++)
        {
            log.Refused("message", Remote, "missing Authorization header");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(RefusedRequestLog.WarningsPerWindow, logs.Lines.Count);
        Assert.All(logs.Lines, line => Assert.Contains("Refused an inbound message activity from 203.0.113.9: missing Authorization header", line, StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromSeconds(35));

        var summary = Assert.Single(logs.Lines.Skip(RefusedRequestLog.WarningsPerWindow));
        Assert.StartsWith("Warning ", summary, StringComparison.Ordinal);
        Assert.Contains("Refused 15 more inbound requests", summary, StringComparison.Ordinal);

        log.Refused("message", Remote, "missing Authorization header");
        Assert.Equal(RefusedRequestLog.WarningsPerWindow + 2, logs.Lines.Count);
        Assert.Contains("Refused an inbound message", logs.Lines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_minute_writes_no_summary()
    {
        log.Refused("message", Remote, "missing Authorization header");
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Single(logs.Lines);
    }

    [Fact]
    public void Type_and_reason_are_cut_and_escaped()
    {
        var type = "message\r\nWarning Forged: " + new string('t', 100 * 1024);
        var reason = "issuer '" + new string('i', 20 * 1024) + "\nError Forged' is not trusted";

        log.Refused(type, Remote, reason);

        var line = Assert.Single(logs.Lines);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains("message\\r\\nWarning Forged: ttt", line, StringComparison.Ordinal);
        Assert.True(line.Length < 600, $"{line.Length} characters");
    }
}
