namespace Beacon.Dialogs.Flows;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Presentation;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>Refresher cards on demand: for a named topic or card, or the learner's weakest topic.</summary>
public sealed class RefresherFlow(ContentPack pack, IAnswerStore answers, LearnerRegions regions)
{
    private readonly TopicNames names = new(pack);

    /// <summary>
    /// For a topic's internal name (a card button); the weakest topic when it is null or unknown.
    /// A <c>justRead</c> refresher is a refresher of that topic the learner read just before (the
    /// feedback card's "Refresh this topic"): another one is shown, or, when the topic has no
    /// other, a card that says so and offers a question instead.
    /// </summary>
    public Task<AdaptiveCard> ShowAsync(Learner learner, string? topic, CancellationToken cancellationToken) =>
        ShowAsync(learner, topic, justRead: null, cancellationToken);

    /// <summary>Like <see cref="ShowAsync(Learner, string, CancellationToken)"/>, never showing <paramref name="justRead"/> again.</summary>
    public async Task<AdaptiveCard> ShowAsync(Learner learner, string? topic, string? justRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var history = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var region = regions.Of(learner);
        var known = Topic.IsKnown(topic);
        var refresher = known
            ? RefresherPicker.PickForTopic(learner, pack, topic!, history, region?.Code, justRead)
            : RefresherPicker.PickWeakest(learner, pack, history, region?.Code);
        if (refresher is not null)
        {
            return RefresherCard.Build(CardViews.Refresher(Placeholders.Fill(refresher, region)));
        }

        return known && justRead is not null && RefresherPicker.PickForTopic(learner, pack, topic!, history, region?.Code) is not null
            ? NoticeCard.Build(
                "No other refresher on this topic",
                $"The card you just read is the only refresher on {Topic.DisplayName(topic!)}. Try a question to practise it.",
                CommonActions.StartQuiz("Quiz me"))
            : NoticeCard.Build("No refresher yet", "There is no refresher card for that topic yet. Type **quiz** to practise instead.");
    }

    /// <summary>
    /// For typed text: "refresher" is the weakest topic, "learn signs to notice" that topic, "learn debt
    /// bondage" that card; a name Beacon does not know gets the list of topics.
    /// </summary>
    public async Task<AdaptiveCard> ShowRequestedAsync(Learner learner, string? text, CancellationToken cancellationToken)
    {
        var asked = TopicRequest.AskedFor(text);
        if (asked is null)
        {
            return await ShowAsync(learner, null, cancellationToken).ConfigureAwait(false);
        }

        return names.Find(asked) switch
        {
            { Refresher: { } card } when card.AppliesIn(regions.Of(learner)?.Code) => RefresherCard.Build(CardViews.Refresher(Placeholders.Fill(card, regions.Of(learner)))),
            { Refresher: { } card } => await ShowAsync(learner, card.Topic, cancellationToken).ConfigureAwait(false),
            { Topic: var topic } => await ShowAsync(learner, topic, cancellationToken).ConfigureAwait(false),
            null => TopicListCard.Build(asked, [.. Topic.All.Select(t => new TopicChoiceView(t, Topic.DisplayName(t)))]),
        };
    }
}
