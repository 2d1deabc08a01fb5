namespace Beacon.Dialogs.Flows;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Presentation;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>Refresher cards on demand: for a named topic, or the learner's weakest topic.</summary>
public sealed class RefresherFlow(ContentPack pack, IAnswerStore answers)
{
    public async Task<AdaptiveCard> ShowAsync(Learner learner, string? topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var history = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var refresher = Topic.IsKnown(topic)
            ? RefresherPicker.PickForTopic(learner, pack, topic!, history)
            : RefresherPicker.PickWeakest(learner, pack, history);
        return refresher is null
            ? NoticeCard.Build("No refresher yet", "There is no refresher card for that topic yet. Type **quiz** to practise instead.")
            : RefresherCard.Build(CardViews.Refresher(refresher));
    }
}
