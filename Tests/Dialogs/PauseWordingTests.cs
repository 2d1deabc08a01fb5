namespace Beacon.Tests.Dialogs;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>Natural pause wordings, dates read in the learner's locale and printed with the year when not this year.</summary>
public sealed class PauseWordingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Friday 4 December 2026, 10:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("I'm on holiday until January 5", 2027, 1, 5)]
    [InlineData("on vacation till Jan 5th", 2027, 1, 5)]
    [InlineData("I'm away for 3 days", 2026, 12, 7)]
    [InlineData("pause for 2 wks", 2026, 12, 18)]
    [InlineData("pause for 2 wk", 2026, 12, 18)]
    [InlineData("pause for 1 mth", 2027, 1, 3)]
    [InlineData("pause for two weeks", 2026, 12, 18)]
    public void Wordings_are_pauses_with_their_resume_date(string text, int y, int m, int d)
    {
        Assert.Equal(ScheduleCommandKind.Pause, ScheduleCommands.Recognize(text)?.Kind);
        Assert.Equal(new DateOnly(y, m, d), ScheduleCommands.ResumeDate(text, Now.DateTime));
    }

    [Theory]
    [InlineData("I'm going on holiday, any tips?")]
    [InlineData("is the canteen open on the holiday")]
    public void A_holiday_without_until_or_for_is_not_a_pause(string text) => Assert.Null(ScheduleCommands.Recognize(text));

    [Theory]
    [InlineData(true, 2027, 1, 5)]
    [InlineData(false, 2027, 5, 1)]
    public void A_numeric_date_is_read_day_first_or_month_first(bool dayFirst, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ScheduleCommands.ResumeDate("pause till 5/1", Now.DateTime, dayFirst));

    [Theory]
    [InlineData("en-GB", null, true)]
    [InlineData("en-IE", null, true)]
    [InlineData("en-AU", null, true)]
    [InlineData("en-NZ", null, true)]
    [InlineData("de-DE", null, true)]
    [InlineData("fr-CA", null, true)]
    [InlineData("en-US", "GB", false)]
    [InlineData("en-CA", null, false)]
    [InlineData(null, "IE", true)]
    [InlineData(null, "US", false)]
    [InlineData(null, null, false)]
    public void Date_order_follows_the_Teams_locale_then_country(string? locale, string? country, bool dayFirst) =>
        Assert.Equal(dayFirst, DateOrder.IsDayFirst(locale, country));

    [Theory]
    [InlineData("en-GB", "GB", "Tuesday 5 January 2027", 2027, 1, 5)]
    [InlineData("en-US", "US", "Saturday 1 May 2027", 2027, 5, 1)]
    public async Task Pause_till_5_1_follows_the_learner_locale_and_prints_the_year(string locale, string country, string printed, int y, int m, int d)
    {
        using var chat = new ChatHarness(Now, locale, country, "UTC");

        var card = Assert.Single(await chat.SayAsync("pause till 5/1")).Card!;

        Assert.Contains(printed, ChatHarness.Text(card), StringComparison.Ordinal);
        var until = (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.PausedUntil;
        Assert.Equal(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), until);
    }

    [Fact]
    public async Task A_date_this_year_is_printed_without_the_year()
    {
        using var chat = new ChatHarness(Now);

        var card = Assert.Single(await chat.SayAsync("pause for 2 wks")).Card!;

        Assert.Contains("Friday 18 December.", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("2026", ChatHarness.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_am_on_holiday_until_January_5_pauses_until_then()
    {
        using var chat = new ChatHarness(Now);

        var card = Assert.Single(await chat.SayAsync("I'm on holiday until January 5")).Card!;

        Assert.Contains("Tuesday 5 January 2027", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.Zero), (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.PausedUntil);
    }

    [Fact]
    public async Task Pause_for_ten_years_is_capped_at_six_months_and_says_so_with_the_year()
    {
        using var chat = new ChatHarness(Now);

        var card = Assert.Single(await chat.SayAsync("pause for 10 years")).Card!;

        var text = ChatHarness.Text(card);
        Assert.Contains("up to 6 months", text, StringComparison.Ordinal);
        Assert.Contains("Friday 4 June 2027", text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 6, 3, 23, 0, 0, TimeSpan.Zero), (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.PausedUntil);
        Assert.Contains(card.Body, e => e is ToggleInput { Id: ScheduleVerbs.EnabledInput });
    }
}
