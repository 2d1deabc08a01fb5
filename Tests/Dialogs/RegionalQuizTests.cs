namespace Beacon.Tests.Dialogs;

using System.Text.RegularExpressions;
using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Content;

/// <summary>
/// Learners in different countries answer 60 quiz turns through Beacon's own composition and
/// turn router (fake clock): every card they get (refresher, question, feedback, "learn" cards)
/// teaches only what holds where they are, with emergency numbers filled for their region.
/// </summary>
public sealed partial class RegionalQuizTests
{
    private const int QuizTurns = 60;

    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ContentPack> Shipped = new(() => ContentPackLoader.Load(RepositoryRoot.Combine("content")).Pack!);

    [Theory]
    [InlineData("healthcare")]
    [InlineData("law-enforcement")]
    [InlineData(null)]
    public async Task A_learner_in_Australia_never_sees_911_999_the_NRM_or_the_T_visa(string? track)
    {
        var run = await QuizAsync("AU", "Australia/Sydney", track);

        AssertNever(run, Us911(), Uk999(), Nrm(), TVisa());
        Assert.All(run.QuestionIds, id => Assert.True(Shipped.Value.FindQuestion(id)!.AppliesIn("AU"), $"{id} does not apply in AU"));
    }

    [Theory]
    [InlineData("social-work")]
    [InlineData("law-enforcement")]
    [InlineData(null)]
    public async Task A_learner_in_the_UK_never_sees_911_or_the_T_visa_and_still_gets_UK_items(string? track)
    {
        var run = await QuizAsync("GB", "Europe/London", track);

        AssertNever(run, Us911(), TVisa());
        Assert.Contains(run.QuestionIds, id => Shipped.Value.FindQuestion(id)!.Jurisdiction.Contains("UK"));
    }

    [Theory]
    [InlineData("healthcare")]
    [InlineData(null)]
    public async Task A_learner_in_the_US_still_gets_US_items_and_never_UK_ones(string? track)
    {
        var run = await QuizAsync("US", "America/New_York", track);

        Assert.Contains(run.QuestionIds, id => Shipped.Value.FindQuestion(id)!.Jurisdiction.Contains("US"));
        Assert.DoesNotContain(run.QuestionIds, id => Shipped.Value.FindQuestion(id)!.Jurisdiction.Contains("UK"));
        AssertNever(run, Nrm(), Uk999());
    }

    private static void AssertNever(QuizRun run, params Regex[] patterns)
    {
        Assert.Equal(QuizTurns, run.QuestionIds.Count);
        foreach (var (card, source) in run.Cards)
        {
            foreach (var pattern in patterns)
            {
                Assert.False(pattern.IsMatch(card), $"'{pattern}' in a card for {source}: {card}");
            }

            Assert.DoesNotContain("{emergency}", card, StringComparison.Ordinal);
            Assert.DoesNotContain("{hotline}", card, StringComparison.Ordinal);
        }
    }

    /// <summary>Quiz, answer (right and wrong in turn), and now and then "learn" the question's topic, 60 times, three hours apart.</summary>
    private static async Task<QuizRun> QuizAsync(string country, string timeZone, string? track)
    {
        using var chat = new ChatHarness(Start, "en", country, timeZone);
        var run = new QuizRun();
        if (track is not null)
        {
            await chat.TapAsync(Verbs.ChooseTrack, new Dictionary<string, string> { [CardData.Track] = track });
        }

        for (var turn = 0; turn < QuizTurns; turn++)
        {
            var sent = await chat.SayAsync("quiz");
            var question = sent.Select(m => m.Card).OfType<AdaptiveCard>().Single(c => ChatHarness.Buttons(c).Any(b => b.Verb == Verbs.Answer));
            var answers = ChatHarness.Buttons(question).Where(b => b.Verb == Verbs.Answer).ToList();
            var questionId = answers[0].Data![CardData.QuestionId];
            run.QuestionIds.Add(questionId);
            run.Add(sent, "quiz " + questionId);

            var feedback = await chat.TapAsync(Verbs.Answer, answers[turn % answers.Count].Data);
            var feedbackCard = Assert.IsType<CardInvokeResult>(feedback).Card;
            run.Add(feedbackCard, "feedback " + questionId);

            if (turn % 5 == 4)
            {
                var topic = Shipped.Value.FindQuestion(questionId)!.Topic;
                run.Add(await chat.SayAsync("learn " + Topic.DisplayName(topic)), "learn " + topic);
                run.Add(await chat.SayAsync("refresher"), "refresher");
            }

            chat.Clock.Advance(TimeSpan.FromHours(3));
        }

        return run;
    }

    [GeneratedRegex(@"\b911\b")]
    private static partial Regex Us911();

    [GeneratedRegex(@"\b999\b")]
    private static partial Regex Uk999();

    [GeneratedRegex(@"\bNRM\b|National Referral Mechanism")]
    private static partial Regex Nrm();

    [GeneratedRegex(@"\bT[- ]visa", RegexOptions.IgnoreCase)]
    private static partial Regex TVisa();

    private sealed class QuizRun
    {
        public List<string> QuestionIds { get; } = [];

        public List<(string Card, string Source)> Cards { get; } = [];

        public void Add(IEnumerable<OutgoingMessage> sent, string source)
        {
            foreach (var message in sent)
            {
                Cards.Add(((message.Text ?? string.Empty) + (message.Card is null ? string.Empty : Json(message.Card)), source));
            }
        }

        public void Add(AdaptiveCard card, string source) => Cards.Add((Json(card), source));

        private static string Json(AdaptiveCard card) => CardJson.Serialize(card).Replace("\\u0027", "'", StringComparison.Ordinal);
    }
}
