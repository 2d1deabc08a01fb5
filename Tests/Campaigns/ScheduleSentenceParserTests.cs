namespace Beacon.Tests.Campaigns;

using System.Globalization;
using Beacon.Dialogs.Campaigns;
using Beacon.Training.Schedules;
using Xunit.Abstractions;

public class ScheduleSentenceParserTests(ITestOutputHelper log)
{
    private static ParsedSchedule Parse(string sentence) =>
        ScheduleSentenceParser.Parse(sentence, ScheduleSentenceSet.Now, ScheduleSentenceSet.Zone);

    [Fact]
    public void At_least_95_percent_of_the_sentence_set_reads_as_a_person_reads_it()
    {
        var misses = new List<string>();
        foreach (var intended in ScheduleSentenceSet.Sentences)
        {
            var parsed = Parse(intended.Sentence);
            var read = (parsed.Days, Format(parsed.Time), Format(parsed.Start), Format(parsed.End));
            if (read != (intended.Days, intended.Time, intended.Start, intended.End))
            {
                misses.Add($"'{intended.Sentence}': wanted {intended.Days}/{intended.Time}/{intended.Start}/{intended.End}, read {read.Days}/{read.Item2}/{read.Item3}/{read.Item4}, unparsed '{parsed.Unparsed}'");
            }
        }

        var total = ScheduleSentenceSet.Sentences.Count;
        log.WriteLine($"{total - misses.Count} of {total} sentences read as intended.");
        misses.ForEach(log.WriteLine);
        Assert.True(total >= 30, "the set needs at least 30 sentences");
        Assert.True((total - misses.Count) * 100 >= total * 95, string.Join(Environment.NewLine, misses));
    }

    [Fact]
    public void Every_sentence_the_set_reads_in_full_leaves_nothing_unparsed()
    {
        var leftovers = ScheduleSentenceSet.Sentences
            .Select(s => (s.Sentence, Parse(s.Sentence).Unparsed))
            .Where(r => r.Unparsed.Length > 0)
            .ToList();

        leftovers.ForEach(r => log.WriteLine($"'{r.Sentence}': unparsed '{r.Unparsed}'"));
        Assert.True(leftovers.Count * 100 <= ScheduleSentenceSet.Sentences.Count * 5, string.Join(Environment.NewLine, leftovers));
    }

    [Fact]
    public void An_exception_the_parser_cannot_express_is_reported_not_dropped()
    {
        var parsed = Parse("every weekday at 9am except bank holidays");

        Assert.Equal(Weekdays.WorkWeek, parsed.Days);
        Assert.Equal(new TimeOnly(9, 0), parsed.Time);
        Assert.Equal("except bank holidays", parsed.Unparsed);
        Assert.False(parsed.IsComplete);
    }

    [Fact]
    public void Days_named_after_an_exception_are_not_added_to_the_schedule()
    {
        var parsed = Parse("every weekday at 9am except Fridays");

        Assert.Equal(Weekdays.WorkWeek, parsed.Days);
        Assert.Equal("except Fridays", parsed.Unparsed);
    }

    [Fact]
    public void A_sentence_with_no_schedule_leaves_everything_empty()
    {
        var parsed = Parse("sometime soon");

        Assert.Equal(ParsedSchedule.Nothing("sometime soon"), parsed);
        Assert.Null(parsed.Duration);
    }

    [Fact]
    public void Every_other_week_is_not_read_as_every_week()
    {
        var parsed = Parse("every other Monday at 9am");

        Assert.Null(parsed.Days);
        Assert.Contains("other Monday", parsed.Unparsed, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_around_a_time_that_are_not_understood_are_reported()
    {
        var parsed = Parse("weekdays at 9am in the big meeting room");

        Assert.Equal(new TimeOnly(9, 0), parsed.Time);
        Assert.Equal("in the big meeting room", parsed.Unparsed);
    }

    [Fact]
    public void A_duration_without_a_start_gives_no_dates_but_is_kept()
    {
        var parsed = Parse("weekdays at 9am for 4 weeks");

        Assert.Null(parsed.Start);
        Assert.Null(parsed.End);
        Assert.Equal(new ScheduleDuration(4, ScheduleDurationUnit.Weeks), parsed.Duration);
        Assert.Equal(string.Empty, parsed.Unparsed);
    }

    [Fact]
    public void A_duration_with_an_end_gives_the_start()
    {
        var parsed = Parse("weekdays at 9am for 2 weeks until December 18");

        Assert.Equal(new DateOnly(2026, 12, 5), parsed.Start);
        Assert.Equal(new DateOnly(2026, 12, 18), parsed.End);
    }

    [Fact]
    public void A_duration_that_contradicts_start_and_end_is_reported_not_used()
    {
        var parsed = Parse("weekdays at 9am from December 1 until December 10 for 4 weeks");

        Assert.Equal(new DateOnly(2026, 12, 1), parsed.Start);
        Assert.Equal(new DateOnly(2026, 12, 10), parsed.End);
        Assert.Equal("for 4 weeks", parsed.Unparsed);
    }

    [Fact]
    public void A_second_different_time_is_reported_not_used()
    {
        var parsed = Parse("daily at 9am at 3pm");

        Assert.Equal(new TimeOnly(9, 0), parsed.Time);
        Assert.Equal("at 3pm", parsed.Unparsed);
    }

    [Theory]
    [InlineData("at 8:30", "08:30")]
    [InlineData("at 7", "07:00")]
    [InlineData("at 5", "17:00")]
    [InlineData("at 12:30", "12:30")]
    [InlineData("at 8:30pm", "20:30")]
    [InlineData("at 6am", "06:00")]
    public void A_time_without_am_or_pm_takes_the_working_hours_reading(string words, string expected)
    {
        Assert.Equal(expected, Format(Parse("daily " + words).Time));
    }

    [Fact]
    public void Dates_without_a_year_are_the_next_occurrence_in_the_given_zone()
    {
        // 23:30 UTC on 25 November is already 26 November in Auckland.
        var lateUtc = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 26), ScheduleSentenceParser.Parse("daily at 9 starting tomorrow", lateUtc, "UTC").Start);
        Assert.Equal(new DateOnly(2026, 11, 27), ScheduleSentenceParser.Parse("daily at 9 starting tomorrow", lateUtc, "Pacific/Auckland").Start);
        Assert.Equal(new DateOnly(2027, 11, 25), ScheduleSentenceParser.Parse("daily at 9 starting November 25", lateUtc, "Pacific/Auckland").Start);
        Assert.Equal(new DateOnly(2026, 11, 25), ScheduleSentenceParser.Parse("daily at 9 starting November 25", lateUtc, "UTC").Start);
    }

    [Fact]
    public void An_end_without_a_year_is_the_next_one_after_the_start()
    {
        var parsed = Parse("weekdays at 9 from December 14 to January 8");

        Assert.Equal(new DateOnly(2026, 12, 14), parsed.Start);
        Assert.Equal(new DateOnly(2027, 1, 8), parsed.End);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScheduleSentenceParser.Parse("daily at 9", ScheduleSentenceSet.Now, "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    private static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
