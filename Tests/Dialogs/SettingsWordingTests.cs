namespace Beacon.Tests.Dialogs;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Training.Ports;

/// <summary>"settings" with typos, the quiz time in words, and the region for reporting guidance.</summary>
public sealed class SettingsWordingTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ChatHarness chat = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("settings", ScheduleCommandKind.Settings)]
    [InlineData("setings", ScheduleCommandKind.Settings)]
    [InlineData("settngs", ScheduleCommandKind.Settings)]
    [InlineData("my settings", ScheduleCommandKind.Settings)]
    [InlineData("change my quiz time to 8am", ScheduleCommandKind.QuizTime)]
    [InlineData("set quiz time 7:30", ScheduleCommandKind.QuizTime)]
    [InlineData("change the time", ScheduleCommandKind.QuizTime)]
    public void Recognizes_settings_and_quiz_time(string text, ScheduleCommandKind kind) =>
        Assert.Equal(kind, ScheduleCommands.Recognize(text)?.Kind);

    [Theory]
    [InlineData("what time is it")]
    [InlineData("meetings")]
    [InlineData("sitting")]
    public void Other_words_are_not_settings(string text) => Assert.Null(ScheduleCommands.Recognize(text));

    [Theory]
    [InlineData("change my quiz time to 8am", 8, 0)]
    [InlineData("quiz time 7:30", 7, 30)]
    [InlineData("change my quiz time to 8", 8, 0)]
    [InlineData("set quiz time to 6pm", 18, 0)]
    public void Reads_the_quiz_time(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), ScheduleCommands.QuizTime(text, new TimeOnly(6, 0), new TimeOnly(21, 30)));

    [Theory]
    [InlineData("setings")]
    [InlineData("settngs")]
    public async Task A_misspelt_settings_opens_settings_not_the_role_card(string text)
    {
        var card = Assert.Single(await chat.SayAsync(text)).Card!;

        Assert.Contains(card.Body, e => e is ChoiceSetInput { Id: ScheduleVerbs.TimeInput });
        Assert.DoesNotContain(ChatHarness.Buttons(card), b => b.Verb == Verbs.ChooseTrack);
    }

    [Fact]
    public async Task Change_my_quiz_time_to_8am_saves_it_and_never_starts_a_quiz()
    {
        await chat.TapAsync(ScheduleVerbs.StartDaily);

        var card = Assert.Single(await chat.SayAsync("change my quiz time to 8am")).Card!;

        Assert.Contains("every weekday at 08:00", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain(ChatHarness.Buttons(card), b => b.Verb == Verbs.Answer);
        Assert.Equal(new TimeOnly(8, 0), (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.LocalTime);
    }

    [Fact]
    public async Task A_quiz_time_the_card_cannot_offer_opens_the_setting_with_a_clear_message_and_saves_nothing()
    {
        await chat.TapAsync(ScheduleVerbs.StartDaily);

        var card = Assert.Single(await chat.SayAsync("change my quiz time to 3am")).Card!;

        Assert.Contains("between 06:00 and 21:30", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.Contains(card.Body, e => e is ChoiceSetInput { Id: ScheduleVerbs.TimeInput, Value: "09:00" });
        Assert.Equal(new TimeOnly(9, 0), (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.LocalTime);
    }

    [Fact]
    public async Task A_quiz_time_while_the_daily_quiz_is_off_is_saved_and_offers_turning_it_on()
    {
        var card = Assert.Single(await chat.SayAsync("change my quiz time to 7:30")).Card!;

        Assert.Contains("daily quiz is off", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.Contains(ChatHarness.Buttons(card), b => b.Verb == ScheduleVerbs.StartDaily);
        var schedule = await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None);
        Assert.Equal(new TimeOnly(7, 30), schedule!.LocalTime);
        Assert.False(schedule.Enabled);
    }

    [Fact]
    public async Task Settings_offers_every_pack_region_and_saves_the_choice_to_the_learner()
    {
        var card = Assert.Single(await chat.SayAsync("settings")).Card!;
        var regions = Assert.Single(card.Body.OfType<ChoiceSetInput>(), i => i.Id == ScheduleVerbs.RegionInput);
        var pack = chat.Get<Beacon.Training.Content.ContentPack>();
        Assert.Equal(pack.Regions.Select(r => r.Code).Prepend(ScheduleVerbs.AutomaticRegion), regions.Choices.Select(c => c.Value));
        Assert.Equal(ScheduleVerbs.AutomaticRegion, regions.Value);

        var saved = await SaveAsync("UK");

        Assert.Equal("UK", (await chat.Get<ILearnerStore>().GetAsync(ChatHarness.Ann, None))!.ReportingRegion);
        Assert.Contains(saved.Body, e => e is ChoiceSetInput { Id: ScheduleVerbs.RegionInput, Value: "UK" });

        await SaveAsync(ScheduleVerbs.AutomaticRegion);
        Assert.Null((await chat.Get<ILearnerStore>().GetAsync(ChatHarness.Ann, None))!.ReportingRegion);
    }

    [Fact]
    public async Task An_unknown_region_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        await SaveAsync("UK");

        var card = await SaveAsync("ATLANTIS", time: "07:00");

        Assert.Contains("choose one of the listed regions", ChatHarness.Text(card), StringComparison.Ordinal);
        Assert.Equal("UK", (await chat.Get<ILearnerStore>().GetAsync(ChatHarness.Ann, None))!.ReportingRegion);
        Assert.Equal(new TimeOnly(9, 0), (await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.LocalTime);
    }

    private async Task<AdaptiveCard> SaveAsync(string region, string time = "09:00") =>
        Assert.IsType<CardInvokeResult>(await chat.TapAsync(ScheduleVerbs.SaveSettings, new Dictionary<string, string>
        {
            [ScheduleVerbs.TimeInput] = time,
            [ScheduleVerbs.DaysInput] = "weekdays",
            [ScheduleVerbs.EnabledInput] = "true",
            [ScheduleVerbs.RegionInput] = region,
        })).Card;

    public void Dispose() => chat.Dispose();
}
