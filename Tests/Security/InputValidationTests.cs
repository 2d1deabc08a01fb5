namespace Beacon.Tests.Security;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Dialogs.Flows;
using Beacon.Tests.Support;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// Item 3 of issue 10, through the real composed bot (App ID, tokens, capture server): card data
/// is checked against what was delivered. An answer for a prompt never sent to this learner, for
/// another learner's prompt, or after the question closed (24 h, <see cref="QuizFlow.AnswerWindow"/>)
/// is refused with a card and stored nowhere, and so is an option the prompt did not show (issue 22:
/// options are shuffled per prompt and the order stored with it); a replayed answer is idempotent, a
/// different second answer to the same prompt is refused; a manager verb from
/// a non-manager gets a refusal card.
/// </summary>
public sealed class InputValidationTests : IAsyncLifetime
{
    private const string ManagerAad = "aad-manager-1";

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private SecureBot bot = null!;

    private static LearnerKey UserA => new(Activities.Tenant, "aad-user-a");

    public async Task InitializeAsync()
    {
        bot = await SecureBot.StartAsync(
            new Dictionary<string, string?> { [$"Managers:Tenants:{Activities.Tenant}:AadObjectIds:0"] = ManagerAad },
            services => services.AddSingleton<TimeProvider>(clock));
        bot.Issuer.Now = clock.GetUtcNow();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task An_answer_for_a_prompt_never_sent_to_this_learner_is_refused_and_not_stored()
    {
        var data = await AskQuestionAsync();
        data["promptId"] = "0123456789abcdef0123456789abcdef";

        var card = await AnswerAsync(data);

        AssertNotice(card, "I can't match that answer");
        AssertNothingStored();
    }

    [Fact]
    public async Task An_answer_for_another_learners_prompt_is_refused_and_not_stored()
    {
        var data = await AskQuestionAsync();

        var card = await AnswerAsync(data, userId: "29:1user-b", aadObjectId: "aad-user-b");

        AssertNotice(card, "I can't match that answer");
        AssertNothingStored();
    }

    [Fact]
    public async Task An_answer_with_an_option_the_question_does_not_have_is_refused_and_not_stored()
    {
        var data = await AskQuestionAsync();
        data["optionId"] = "z-not-an-option";

        AssertNotice(await AnswerAsync(data), "I can't match that answer");
        AssertNothingStored();
    }

    [Fact]
    public async Task The_card_shows_the_options_in_the_order_stored_with_its_prompt()
    {
        using var response = await bot.PostAuthenticatedAsync(Activities.Message("quiz", bot.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = bot.Capture.Requests.Select(r => CardJsonQueries.CardOf(JsonNode.Parse(r.Body)))
            .Last(c => CardJsonQueries.ExecuteActions(c, "answer").Count > 0);
        var buttons = CardJsonQueries.ExecuteActions(card, "answer").Select(a => a["data"]!.AsObject()).ToList();

        var issued = await bot.Bot.Services.GetRequiredService<IAnswerStore>()
            .GetIssuedAsync(UserA, buttons[0]["promptId"]!.GetValue<string>(), CancellationToken.None);

        Assert.NotNull(issued?.OptionOrder);
        Assert.Equal(issued!.OptionOrder!.Ids, buttons.Select(b => b["optionId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_answer_with_an_option_its_prompt_did_not_show_is_refused_and_not_stored()
    {
        // A prompt whose stored order leaves out the question's first option (as when an option
        // was added to the question after the card was sent): that option is not an answer to it.
        await AskQuestionAsync();
        var pack = bot.Bot.Services.GetRequiredService<ContentPack>();
        var question = pack.Questions[0];
        var shown = question.Options.Skip(1).Select(o => o.Id).ToList();
        var issued = new IssuedQuestion(UserA, "feedfacefeedfacefeedfacefeedface", question.Id, question.Version, clock.GetUtcNow(), OnDemand: true)
        {
            OptionOrder = OptionOrder.Of(shown),
        };
        await bot.Bot.Services.GetRequiredService<IAnswerStore>().RecordIssuedAsync(issued, CancellationToken.None);
        var data = new JsonObject { ["promptId"] = issued.PromptId, ["questionId"] = question.Id, ["optionId"] = question.Options[0].Id };

        AssertNotice(await AnswerAsync(data), "I can't match that answer");
        AssertNothingStored();

        data["optionId"] = shown[0];
        Assert.Contains("\"Why\"", (await AnswerAsync(data)).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(shown[0], Assert.Single(await Answers(UserA)).OptionId);
    }

    [Fact]
    public async Task An_answer_naming_another_question_than_its_prompt_is_refused_and_not_stored()
    {
        var data = await AskQuestionAsync();
        var pack = bot.Bot.Services.GetRequiredService<ContentPack>();
        var other = pack.Questions.First(q => q.Id != data["questionId"]!.GetValue<string>());
        data["questionId"] = other.Id;
        data["optionId"] = other.Options[0].Id;

        AssertNotice(await AnswerAsync(data), "I can't match that answer");
        AssertNothingStored();
    }

    [Fact]
    public async Task An_answer_after_the_question_closed_is_refused_and_not_stored()
    {
        var data = await AskQuestionAsync();
        clock.Advance(QuizFlow.AnswerWindow + TimeSpan.FromMinutes(1));
        bot.Issuer.Now = clock.GetUtcNow();

        var card = await AnswerAsync(data);

        AssertNotice(card, "This question has closed");
        AssertNothingStored();
    }

    [Fact]
    public async Task An_answer_just_inside_the_window_is_accepted()
    {
        var data = await AskQuestionAsync();
        clock.Advance(QuizFlow.AnswerWindow - TimeSpan.FromMinutes(1));
        bot.Issuer.Now = clock.GetUtcNow();

        var card = await AnswerAsync(data);

        Assert.Contains("\"text\":\"Why\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await Answers(UserA));
    }

    [Fact]
    public async Task A_replayed_answer_gets_the_same_feedback_and_a_different_second_answer_is_refused_and_stored_once()
    {
        var data = await AskQuestionAsync();

        var first = await AnswerAsync(data);
        clock.Advance(TimeSpan.FromSeconds(5));
        bot.Issuer.Now = clock.GetUtcNow();
        var replay = await AnswerAsync(data);
        var sure = (JsonObject)data.DeepClone();
        sure["optionId"] = OtherOption(data);
        var changedMind = await AnswerAsync(sure);

        Assert.Contains("\"Why\"", first.ToJsonString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(first, replay), "the replay got different feedback");
        AssertNotice(changedMind, "You've already answered this question");
        var stored = Assert.Single(await Answers(UserA));
        Assert.Equal(data["optionId"]!.GetValue<string>(), stored.OptionId);
        var review = Assert.Single(await bot.Bot.Services.GetRequiredService<IReviewStore>().ListAsync(UserA, CancellationToken.None));
        Assert.Equal(1, review.Reps);
        Assert.Equal(1, Count("answers"));
    }

    [Fact]
    public async Task A_replay_after_the_window_still_gets_the_feedback_it_got_and_stores_nothing_new()
    {
        var data = await AskQuestionAsync();
        var first = await AnswerAsync(data);
        clock.Advance(QuizFlow.AnswerWindow + TimeSpan.FromHours(1));
        bot.Issuer.Now = clock.GetUtcNow();

        var replay = await AnswerAsync(data);

        Assert.True(JsonNode.DeepEquals(first, replay));
        Assert.Single(await Answers(UserA));
    }

    [Theory]
    [InlineData("newCampaign")]
    [InlineData("campaignStart")]
    [InlineData("campaignReport")]
    public async Task A_manager_verb_from_a_non_manager_gets_a_refusal_card(string verb)
    {
        var card = await InvokeCardAsync(Activities.Invoke(verb, new JsonObject { ["name"] = "Spring refresher" }, bot.ServiceUrl));

        AssertNotice(card, "That's for managers");
        Assert.Equal(0, Count("learners"));
    }

    [Theory]
    [InlineData("new campaign")]
    [InlineData("campaign report")]
    public async Task A_manager_phrase_from_a_non_manager_gets_a_refusal_card(string text)
    {
        using var response = await bot.PostAuthenticatedAsync(Activities.Message(text, bot.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(bot.Capture.Requests);
        Assert.Contains("for managers", sent.Body, StringComparison.Ordinal);
        Assert.Equal(0, Count("learners"));
    }

    [Fact]
    public async Task A_manager_verb_from_a_configured_manager_is_not_refused()
    {
        var card = await InvokeRawAsync(Activities.Invoke("newCampaign", [], bot.ServiceUrl, "29:1manager", ManagerAad));

        Assert.DoesNotContain("That's for managers", card.ToJsonString(), StringComparison.Ordinal);
    }

    private static string OtherOption(JsonObject data) => data["optionId"]!.GetValue<string>() == "a" ? "b" : "a";

    private static void AssertNotice(JsonObject card, string title)
    {
        var text = card.ToJsonString();
        Assert.Contains(title.Replace("'", "\\u0027", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"report\"", text, StringComparison.Ordinal);
    }

    private void AssertNothingStored()
    {
        Assert.Equal(0, Count("answers"));
        Assert.Equal(0, Count("review_states"));
    }

    private async Task<IReadOnlyList<AnswerRecord>> Answers(LearnerKey key) =>
        await bot.Bot.Services.GetRequiredService<IAnswerStore>().ListAnswersAsync(key, CancellationToken.None);

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={bot.Bot.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Asks for a quiz as user A; returns the answer data of the question card that was sent.</summary>
    private async Task<JsonObject> AskQuestionAsync()
    {
        using var response = await bot.PostAuthenticatedAsync(Activities.Message("quiz", bot.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = bot.Capture.Requests.Select(r => Activities.AnswerDataIn(r.Body)).LastOrDefault(d => d is not null);
        Assert.NotNull(data);
        bot.Capture.Requests.Clear();
        return data!;
    }

    private Task<JsonObject> AnswerAsync(JsonObject data, string userId = "29:1user-a", string aadObjectId = "aad-user-a") =>
        InvokeCardAsync(Activities.Invoke("answer", (JsonObject)data.DeepClone(), bot.ServiceUrl, userId, aadObjectId));

    private async Task<JsonObject> InvokeCardAsync(JsonObject invoke)
    {
        var body = await InvokeRawAsync(invoke);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }

    private async Task<JsonObject> InvokeRawAsync(JsonObject invoke)
    {
        using var response = await bot.PostAuthenticatedAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
