namespace Beacon.Tests.Campaigns;

using System.Text.Json;
using Beacon.Bot.Cli;
using Microsoft.Extensions.Time.Testing;

public class ScheduleCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliVerbs.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Parse_prints_one_json_object_with_the_schedule()
    {
        var (code, output, error) = Run("schedule", "parse", "Tuesdays and Thursdays at 8:30 for six weeks from January 12", "--now", "2026-11-25T10:00:00Z", "--tz", "Europe/London");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["days", "time", "start", "end", "unparsed"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["tuesday", "thursday"], root.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("08:30", root.GetProperty("time").GetString());
        Assert.Equal("2027-01-12", root.GetProperty("start").GetString());
        Assert.Equal("2027-02-22", root.GetProperty("end").GetString());
        Assert.Equal(string.Empty, root.GetProperty("unparsed").GetString());
    }

    [Fact]
    public void Days_come_monday_first_and_what_is_missing_is_null()
    {
        var (code, output, _) = Run("schedule", "parse", "weekends and Mondays at noon except bank holidays", "--now", "2026-11-25T10:00:00Z");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["monday", "saturday", "sunday"], root.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("start").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("end").ValueKind);
        Assert.Equal("except bank holidays", root.GetProperty("unparsed").GetString());
    }

    [Fact]
    public void Now_without_an_offset_is_read_in_the_zone_and_defaults_to_the_clock()
    {
        // 23:30 on 25 November in Auckland is 10:30 UTC the same day: tomorrow is 26 November.
        var local = Run("schedule", "parse", "daily at 9 starting tomorrow", "--now", "2026-11-25T23:30", "--tz", "Pacific/Auckland");
        using var output = new StringWriter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero));
        var code = ScheduleCommand.Run(["schedule", "parse", "daily at 9 starting tomorrow", "--tz", "Pacific/Auckland"], output, TextWriter.Null, clock);

        Assert.Equal("2026-11-26", JsonDocument.Parse(local.Output).RootElement.GetProperty("start").GetString());
        Assert.Equal(0, code);
        Assert.Equal("2026-11-27", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("start").GetString());
    }

    [Theory]
    [InlineData("--now", "next Tuesday", "is not an ISO 8601 time")]
    [InlineData("--now", "2026-13-40T10:00:00Z", "is not an ISO 8601 time")]
    [InlineData("--tz", "Mars/Olympus", "is not a time zone")]
    public void A_bad_now_or_zone_is_a_clear_error_with_exit_code_2(string option, string value, string message)
    {
        var (code, output, error) = Run("schedule", "parse", "daily at 9", option, value);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("schedule", "parse")]
    [InlineData("schedule", "parse", "daily", "--now")]
    [InlineData("schedule", "parse", "daily", "--at", "9")]
    public void Missing_or_unknown_arguments_print_the_usage_with_exit_code_2(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: schedule parse", error, StringComparison.Ordinal);
    }
}
