namespace Beacon.Tests.Dialogs;

using Beacon.Cards;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Content;

/// <summary>"learn &lt;topic&gt;" by every name a topic goes by on Beacon's cards, and the topic list otherwise.</summary>
public sealed class LearnTopicTests : IDisposable
{
    private static readonly Lazy<ContentPack> Shipped = new(() => ContentPackLoader.Load(RepositoryRoot.Combine("content")).Pack!);

    private readonly ChatHarness chat = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    private static TopicNames Names => new(Shipped.Value);

    public static TheoryData<string, string> EveryShownName()
    {
        var data = new TheoryData<string, string>();
        foreach (var topic in Topic.All)
        {
            data.Add(topic, topic);
            data.Add(Topic.DisplayName(topic), topic);
            data.Add(Topic.DisplayName(topic).ToUpperInvariant(), topic);
        }

        foreach (var refresher in Shipped.Value.Refreshers)
        {
            data.Add(refresher.Title, refresher.Topic);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryShownName))]
    public void Every_internal_name_display_name_and_card_title_names_its_topic(string name, string topic) =>
        Assert.Equal(topic, Names.Find(name)?.Topic);

    [Theory]
    [InlineData("signs to notice", Topic.Indicators)]
    [InlineData("law", Topic.Legal)]
    [InlineData("where to get help", Topic.Resources)]
    [InlineData("red flags", Topic.Indicators)]
    [InlineData("the signs of trafficking at work", Topic.Indicators)]
    [InlineData("indicatros", Topic.Indicators)]
    [InlineData("colaboration", Topic.Collaboration)]
    [InlineData("Responding Safley", Topic.Responding)]
    [InlineData("forced labour", Topic.Forms)]
    public void Synonyms_case_and_typos_in_long_words_are_understood(string asked, string topic) =>
        Assert.Equal(topic, Names.Find(asked)?.Topic);

    [Theory]
    [InlineData("cooking")]
    [InlineData("lwa")]
    [InlineData("sings")]
    public void Unknown_names_and_typos_in_short_words_name_no_topic(string asked) => Assert.Null(Names.Find(asked));

    [Fact]
    public void A_card_title_names_that_card()
    {
        var card = Shipped.Value.Refreshers.First(r => r.Title == "Debt bondage");
        Assert.Same(card, Names.Find("debt bondage")?.Refresher);
    }

    [Theory]
    [InlineData("learn signs to notice", "signs to notice")]
    [InlineData("Learn about the law please", "law")]
    [InlineData("refresher on where to get help", "where to get help")]
    [InlineData("red flags refresher", "red flags")]
    [InlineData("give me a refresher", null)]
    [InlineData("learn", null)]
    public void The_request_is_the_words_around_the_command(string text, string? asked) =>
        Assert.Equal(asked, TopicRequest.AskedFor(text));

    [Theory]
    [InlineData("learn signs to notice", "Signs to notice")]
    [InlineData("learn law", "Law and rights")]
    [InlineData("learn where to get help", "Where to get help")]
    [InlineData("learn Working Together", "Working together")]
    public async Task Learn_a_shown_topic_name_sends_that_topics_refresher(string text, string topicTitle)
    {
        var card = Assert.Single(await chat.SayAsync(text)).Card!;

        Assert.Contains($"Refresher · {topicTitle}", ChatHarness.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_an_unknown_topic_says_so_and_offers_every_topic_in_one_tap()
    {
        var card = Assert.Single(await chat.SayAsync("learn cooking")).Card!;

        Assert.Contains("I don't have a topic called \"cooking\" — here are the topics.", ChatHarness.Text(card), StringComparison.Ordinal);
        var buttons = ChatHarness.Buttons(card).Where(b => b.Verb == Verbs.Refresher).ToList();
        Assert.Equal(Topic.All, buttons.Select(b => b.Data![CardData.Topic]));
        Assert.Equal(Topic.All.Select(Topic.DisplayName), buttons.Select(b => b.Title));

        var tapped = Assert.IsType<MessageInvokeResult>(await chat.TapAsync(buttons.Single(b => b.Title == "Impact on people").Verb, buttons.Single(b => b.Title == "Impact on people").Data));
        Assert.NotNull(tapped);
        Assert.Contains("Refresher · Impact on people", ChatHarness.Text(chat.Sent[^1].Card!), StringComparison.Ordinal);
    }

    public void Dispose() => chat.Dispose();
}
