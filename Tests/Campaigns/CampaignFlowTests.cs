namespace Beacon.Tests.Campaigns;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Campaigns;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Cards;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Moq;

/// <summary>The manager's campaign flow: form, confirm, list steps, tampering and conflicts (real SQLite, mocked Teams).</summary>
public sealed class CampaignFlowTests : IDisposable
{
    private readonly CampaignFlowHarness h = new();

    public void Dispose() => h.Dispose();

    [Fact]
    public async Task New_campaign_with_a_sentence_prefills_what_the_parser_read_and_names_what_it_could_not_use()
    {
        const string Sentence = "every weekday at 9am for 4 weeks starting Monday, with cake";
        var turn = h.Turn(CampaignFlowHarness.Message("new campaign " + Sentence));

        await h.Flow.OnCommandAsync(turn.Object, ManagerCommands.Recognize(turn.Object.Incoming.Text)!, CancellationToken.None);

        var parsed = ScheduleSentenceParser.Parse(Sentence, h.Clock.GetUtcNow(), "UTC");
        var card = CardJson.ToJsonObject(Assert.Single(h.Sent).Message.Card!);
        Assert.Equal(parsed.Time?.ToString("HH:mm", CultureInfo.InvariantCulture), (string?)Input(card, CampaignVerbs.TimeInput)["value"]);
        Assert.Equal(parsed.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)Input(card, CampaignVerbs.StartInput)["value"]);
        Assert.Equal(parsed.Days is null, Input(card, CampaignVerbs.DaysInput)["value"] is null);
        Assert.Equal("team", (string?)Input(card, CampaignVerbs.AudienceInput)["value"]);
        Assert.Null(Input(card, CampaignVerbs.NameInput)["value"]);
        Assert.Contains(CardTree.TextBlocks(card), t => ((string?)t["text"])!.StartsWith("I couldn't work out", StringComparison.Ordinal)
            && ((string?)t["text"])!.Contains("cake", StringComparison.Ordinal));
        Assert.Empty(await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None));
    }

    [Fact]
    public void A_parsed_schedule_fills_the_form_and_what_it_did_not_say_stays_empty()
    {
        var parsed = new ParsedSchedule(Weekdays.WorkWeek, new TimeOnly(9, 0), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 27), string.Empty);
        var withoutTime = parsed with { Time = null, End = null };

        var full = CampaignForm.FromSentence(parsed).ToView("x", "Ward 4");
        var partial = CampaignForm.FromSentence(withoutTime).ToView("x", "Ward 4");

        Assert.Equal(("09:00", "2026-11-30", 4, 5), (full.Time, full.Start, full.Weeks, full.Days.Count));
        Assert.Equal((null, "2026-11-30", null), (partial.Time, partial.Start, partial.Weeks));
    }

    [Fact]
    public void An_end_date_that_is_not_whole_weeks_rounds_up_to_cover_it()
    {
        var form = CampaignForm.FromSentence(new ParsedSchedule(Weekdays.Every, new TimeOnly(14, 0), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10), string.Empty));

        Assert.Equal(2, form.Weeks);
        Assert.True(form.End >= new DateOnly(2026, 12, 10));
    }

    [Fact]
    public async Task Confirming_in_a_team_saves_an_active_campaign_for_the_roster_and_queues_a_personal_announcement_for_each_without_sending()
    {
        var id = CampaignIds.New();

        var result = await ActAsync(CampaignVerbs.Confirm, Form(id));

        var campaign = await h.Store.GetAsync(new CampaignKey(CampaignFlowHarness.Tenant, id), CancellationToken.None);
        Assert.NotNull(campaign);
        Assert.Equal(CampaignStatus.Active, campaign.Status);
        Assert.Equal(["aad-manager", "aad-ada", "aad-bo"], campaign.Audience.LearnerIds);
        Assert.Equal(CampaignDates.Monday, campaign.StartDate);
        Assert.Equal(CampaignDates.Monday.AddDays(27), campaign.EndDate);
        Assert.Equal(Weekdays.Tuesday | Weekdays.Thursday, campaign.Days);
        Assert.Equal(new TimeOnly(8, 30), campaign.LocalTime);
        Assert.Equal(CampaignFlowHarness.ManagerAad, campaign.CreatedBy);
        // The invoke is answered without a single send; delivery's tick tells them (Tests/Delivery/AnnouncementDeliveryTests).
        Assert.Empty(h.Sent);
        var announcement = campaign.Announcement!;
        Assert.Equal(["29:manager", "29:ada", "29:bo"], announcement.Pending.Select(p => p.ChatUserId));
        Assert.Contains(announcement.Pending, p => p is { LearnerId: "aad-ada", Name: "Ada Lovelace" });
        Assert.Equal((0, 3), (announcement.Told, announcement.Total));
        Assert.False(string.IsNullOrEmpty(announcement.ServiceUrl));
        var card = Json(Assert.IsType<CardInvokeResult>(result).Card);
        Assert.Contains("I'm telling the 3 people in it in a personal chat now.", card, StringComparison.Ordinal);
        Assert.Contains("told 0 of 3 so far", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_twice_saves_one_campaign_and_tells_people_once()
    {
        var id = CampaignIds.New();

        await ActAsync(CampaignVerbs.Confirm, Form(id));
        await ActAsync(CampaignVerbs.Confirm, Form(id));

        Assert.Single(await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None));
        var stored = await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None);
        Assert.Equal(3, stored.Single().Announcement!.Pending.Count);
    }

    [Fact]
    public async Task A_form_with_problems_comes_back_with_them_listed_is_kept_as_a_draft_and_tells_nobody()
    {
        var id = CampaignIds.New();
        var data = Form(id);
        data[CampaignVerbs.StartInput] = "2026-11-01";
        data.Remove(CampaignVerbs.TimeInput);

        var result = await ActAsync(CampaignVerbs.Confirm, data);

        var json = Json(Assert.IsType<CardInvokeResult>(result).Card);
        Assert.Contains("The start date is in the past.", json, StringComparison.Ordinal);
        Assert.Contains("Choose the time of day.", json, StringComparison.Ordinal);
        Assert.Contains("Spring refresher", json, StringComparison.Ordinal);
        var draft = await h.Store.GetAsync(new CampaignKey(CampaignFlowHarness.Tenant, id), CancellationToken.None);
        Assert.Equal(CampaignStatus.Draft, draft!.Status);
        Assert.Empty(h.Sent);
    }

    [Fact]
    public async Task A_team_audience_outside_a_team_is_a_problem_not_a_guess()
    {
        var result = await ActAsync(CampaignVerbs.Confirm, Form(CampaignIds.New()), inTeam: false);

        Assert.Contains("Everyone in a team works when you type new campaign in that team", Json(((CardInvokeResult)result).Card), StringComparison.Ordinal);
        Assert.DoesNotContain((await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None)), c => c.Status == CampaignStatus.Active);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_after_confirmation_change_the_stored_state()
    {
        var campaign = await h.SaveAsync();
        var data = new Dictionary<string, string> { [CampaignVerbs.CampaignId] = campaign.Id };

        await ActAsync(CampaignVerbs.Pause, data);
        Assert.Equal(CampaignStatus.Paused, (await h.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);
        await ActAsync(CampaignVerbs.Resume, data);
        Assert.Equal(CampaignStatus.Active, (await h.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);

        var ask = await ActAsync(CampaignVerbs.AskCancel, data);
        Assert.Equal(CampaignStatus.Active, (await h.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);
        Assert.Contains("\"verb\":\"campaign.cancel.confirm\"", Json(((CardInvokeResult)ask).Card), StringComparison.Ordinal);
        await ActAsync(CampaignVerbs.ConfirmCancel, data);
        Assert.Equal(CampaignStatus.Cancelled, (await h.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_step_the_state_does_not_allow_is_explained_and_changes_nothing()
    {
        var campaign = await h.SaveAsync(c => c with { Status = CampaignStatus.Cancelled });

        var result = await ActAsync(CampaignVerbs.Resume, new() { [CampaignVerbs.CampaignId] = campaign.Id });

        Assert.Contains("Only a paused campaign can be resumed", Json(((CardInvokeResult)result).Card), StringComparison.Ordinal);
        Assert.Equal(campaign.ConcurrencyToken, (await h.Store.GetAsync(campaign.Key, CancellationToken.None))!.ConcurrencyToken);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("malformed")]
    [InlineData("other-tenant")]
    public async Task Tampered_campaign_ids_get_a_400_and_change_nothing(string kind)
    {
        var other = await h.SaveAsync(tenant: "tenant-2");
        var id = kind switch { "unknown" => CampaignIds.New(), "malformed" => "../../x", _ => other.Id };

        foreach (var verb in new[] { CampaignVerbs.Pause, CampaignVerbs.ConfirmCancel, CampaignVerbs.Edit, CampaignVerbs.Report })
        {
            var result = await ActAsync(verb, new() { [CampaignVerbs.CampaignId] = id });
            Assert.Equal(400, Assert.IsType<ErrorInvokeResult>(result).StatusCode);
        }

        Assert.Equal(other.ConcurrencyToken, (await h.Store.GetAsync(other.Key, CancellationToken.None))!.ConcurrencyToken);
        Assert.Empty(await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task Confirm_with_a_malformed_id_is_refused()
    {
        var result = await ActAsync(CampaignVerbs.Confirm, Form("not-an-id"));

        Assert.Equal(400, Assert.IsType<ErrorInvokeResult>(result).StatusCode);
        Assert.Empty(await h.Store.ListAsync(CampaignFlowHarness.Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task Editing_a_running_campaign_keeps_its_start_and_changes_what_comes_next()
    {
        var campaign = await h.SaveAsync(c => c with { StartDate = h.Today.AddDays(-3) });
        var edit = await ActAsync(CampaignVerbs.Edit, new() { [CampaignVerbs.CampaignId] = campaign.Id });
        var form = CardJson.ToJsonObject(((CardInvokeResult)edit).Card);
        Assert.DoesNotContain(CardTree.Inputs(form), i => (string?)i["id"] == CampaignVerbs.StartInput);

        var data = Form(campaign.Id);
        data.Remove(CampaignVerbs.StartInput);
        data.Remove(CampaignVerbs.PreInput);
        data[CampaignVerbs.TimeInput] = "14:00";
        await ActAsync(CampaignVerbs.Confirm, data);

        var saved = await h.Store.GetAsync(campaign.Key, CancellationToken.None);
        Assert.Equal(campaign.StartDate, saved!.StartDate);
        Assert.Equal(new TimeOnly(14, 0), saved.LocalTime);
        Assert.Equal(CampaignStatus.Active, saved.Status);
        // Only the person new to the roster is queued to be told; nobody is sent anything in the invoke.
        Assert.Equal(["29:manager"], saved.Announcement!.Pending.Select(p => p.ChatUserId));
        Assert.Empty(h.Sent);
    }

    [Fact]
    public async Task A_conflicting_save_is_retried_on_what_is_stored_now()
    {
        using var conflicting = new CampaignFlowHarness(inner => new ConflictingCampaignStore(inner, failures: 1));
        var campaign = await conflicting.SaveAsync();

        var result = await conflicting.Flow.OnActionAsync(
            conflicting.Turn(CampaignFlowHarness.Action(CampaignVerbs.Pause, new() { [CampaignVerbs.CampaignId] = campaign.Id })).Object, CancellationToken.None);

        Assert.Contains("Paused", Json(((CardInvokeResult)result).Card), StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Paused, (await conflicting.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Conflicts_that_persist_change_nothing_and_say_so()
    {
        using var conflicting = new CampaignFlowHarness(inner => new ConflictingCampaignStore(inner, failures: int.MaxValue));
        var campaign = await conflicting.SaveAsync();

        var result = await conflicting.Flow.OnActionAsync(
            conflicting.Turn(CampaignFlowHarness.Action(CampaignVerbs.Pause, new() { [CampaignVerbs.CampaignId] = campaign.Id })).Object, CancellationToken.None);

        Assert.Contains("Someone else changed this campaign", Json(((CardInvokeResult)result).Card), StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Active, (await conflicting.Store.GetAsync(campaign.Key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task The_list_shows_each_state_with_the_buttons_that_apply()
    {
        await h.SaveAsync(c => c with { Name = "Drafty", Status = CampaignStatus.Draft });
        await h.SaveAsync(c => c with { Name = "Soon" });
        await h.SaveAsync(c => c with { Name = "Now", StartDate = h.Today.AddDays(-1) });
        await h.SaveAsync(c => c with { Name = "Resting", Status = CampaignStatus.Paused });
        await h.SaveAsync(c => c with { Name = "Done", StartDate = h.Today.AddDays(-30), EndDate = h.Today.AddDays(-1) });
        await h.SaveAsync(c => c with { Name = "Stopped", Status = CampaignStatus.Cancelled });

        var result = await ActAsync(CampaignVerbs.List, []);

        var card = CardJson.ToJsonObject(((CardInvokeResult)result).Card);
        var states = CardTree.OfType(card, "FactSet").Select(f => (string?)f["facts"]![0]!["value"]).ToList();
        Assert.Equal(["cancelled", "completed", "draft", "paused", "running", "scheduled"], states.Order(StringComparer.Ordinal));
        Assert.Equal(2, CardTree.Actions(card).Count(a => (string?)a["verb"] == CampaignVerbs.Pause));
        Assert.Single(CardTree.Actions(card), a => (string?)a["verb"] == CampaignVerbs.Resume);
    }

    [Fact]
    public async Task Campaign_report_typed_in_a_channel_goes_to_the_manager_privately_with_the_csv_link()
    {
        await h.SaveAsync(c => c with { Name = "Older" });
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var latest = await h.SaveAsync(c => c with { Name = "Newest" });
        var turn = h.Turn(CampaignFlowHarness.Message("campaign report"));

        await h.Flow.OnCommandAsync(turn.Object, ManagerCommands.Recognize("campaign report")!, CancellationToken.None);

        var report = Assert.Single(h.Sent, s => s.To == "29:manager");
        var json = Json(report.Message.Card!);
        Assert.Contains("Newest", json, StringComparison.Ordinal);
        Assert.Contains($"/campaigns/{CampaignFlowHarness.Tenant}/{latest.Id}/report.csv", json, StringComparison.Ordinal);
        Assert.Single(h.Sent, s => s.To == "here" && s.Message.Text!.Contains("private chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Campaign_report_with_a_name_that_matches_several_asks_which()
    {
        await h.SaveAsync(c => c with { Name = "Spring ward A" });
        await h.SaveAsync(c => c with { Name = "Spring ward B" });

        await h.Flow.OnCommandAsync(h.Turn(CampaignFlowHarness.Message("campaign report spring", inTeam: false)).Object, ManagerCommands.Recognize("campaign report spring")!, CancellationToken.None);

        var json = Json(Assert.Single(h.Sent).Message.Card!);
        Assert.Contains("Which one did you mean?", json, StringComparison.Ordinal);
        h.Links.Verify(l => l.IssueCsvLink(It.IsAny<CampaignKey>()), Times.Never);
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The card's JSON with apostrophes and quotes as typed, for text assertions.</summary>
    private static string Json(AdaptiveCard card) => CardJson.ToJsonObject(card).ToJsonString(Readable);

    private static JsonObject Input(JsonObject card, string id) => CardTree.Inputs(card).Single(i => (string?)i["id"] == id);

    private Task<InvokeResult> ActAsync(string verb, Dictionary<string, string> data, bool inTeam = true) =>
        h.Flow.OnActionAsync(h.Turn(CampaignFlowHarness.Action(verb, data, inTeam)).Object, CancellationToken.None);

    private static Dictionary<string, string> Form(string id) => new()
    {
        [CampaignVerbs.CampaignId] = id,
        [CampaignVerbs.NameInput] = "Spring refresher",
        [CampaignVerbs.AudienceInput] = CampaignVerbs.AudienceTeam,
        [CampaignVerbs.StartInput] = CampaignDates.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [CampaignVerbs.WeeksInput] = "4",
        [CampaignVerbs.DaysInput] = "tue,thu",
        [CampaignVerbs.TimeInput] = "08:30",
        [CampaignVerbs.QuestionsInput] = "3",
        [CampaignVerbs.PreInput] = "true",
        [CampaignVerbs.PostInput] = "true",
        [CampaignVerbs.NudgesInput] = "false",
    };

    private static class CampaignDates
    {
        /// <summary>The Monday after the harness's Friday.</summary>
        public static readonly DateOnly Monday = new(2026, 11, 30);
    }

    /// <summary>Throws a concurrency conflict on the first <c>failures</c> saves through the flow (the harness's direct saves go to the inner store).</summary>
    private sealed class ConflictingCampaignStore(ICampaignStore inner, int failures) : ICampaignStore
    {
        private int failed;

        private ICampaignStore Inner => inner;

        public Task<Campaign?> GetAsync(CampaignKey key, CancellationToken cancellationToken) => Inner.GetAsync(key, cancellationToken);

        public Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken) =>
            failed++ < failures ? throw new ConcurrencyConflictException("changed") : Inner.SaveAsync(campaign, cancellationToken);

        public Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken) => Inner.ListAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Campaign> ListActiveAsync(CancellationToken cancellationToken) => Inner.ListActiveAsync(cancellationToken);
    }
}
