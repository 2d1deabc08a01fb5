namespace Beacon.Dialogs.Flows;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;

/// <summary>A learner's own progress: streak, mastered items, weak topic, what is due.</summary>
public sealed class ProgressFlow(ContentPack pack, IAnswerStore answers, IReviewStore reviews, TimeProvider clock)
{
    /// <summary>An item counts as mastered once it would be recalled 90% of the time three weeks out.</summary>
    private const double MasteredStabilityDays = 21;

    public async Task<AdaptiveCard> ShowAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = clock.GetUtcNow();
        var history = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var states = await reviews.ListAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var weakest = history.Count == 0 ? null : RefresherPicker.WeakestTopic(learner, pack, history);
        return ProgressCard.Build(new ProgressView(
            history.Count,
            history.Count(a => a.Correct),
            Streak(history, learner.TimeZone, now),
            states.Count(s => s.Phase == ReviewPhase.Review && s.Stability >= MasteredStabilityDays),
            states.Count(s => s.Due is { } due && due <= now),
            history.Count(a => !a.Correct && a.Confidence == Confidence.Sure),
            weakest is null ? null : Topic.DisplayName(weakest)));
    }

    /// <summary>Consecutive local days with at least one answer, ending today or yesterday.</summary>
    private static int Streak(IReadOnlyList<AnswerRecord> history, string? timeZone, DateTimeOffset now)
    {
        var days = history.Select(a => LearnerDay.Of(a.AnsweredAt, timeZone).Date).ToHashSet();
        var day = LearnerDay.Of(now, timeZone).Date;
        if (!days.Contains(day))
        {
            day = day.AddDays(-1);
        }

        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
