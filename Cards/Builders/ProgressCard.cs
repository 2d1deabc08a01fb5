namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>A learner's own progress: only their data, only for them.</summary>
public static class ProgressCard
{
    public static AdaptiveCard Build(ProgressView progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Answered == 0)
        {
            return NoticeCard.Build("Your progress", "You haven't answered any questions yet. Type **quiz** to start.", CommonActions.StartQuiz());
        }

        var share = ((double)progress.Correct / progress.Answered).ToString("P0", CultureInfo.InvariantCulture);
        var facts = new List<Fact>
        {
            new("Questions answered", progress.Answered.ToString(CultureInfo.InvariantCulture)),
            new("Answered correctly", $"{progress.Correct} ({share})"),
            new("Days in a row", progress.StreakDays.ToString(CultureInfo.InvariantCulture)),
            new("Mastered", progress.Mastered.ToString(CultureInfo.InvariantCulture)),
            new("Due for review now", progress.DueNow.ToString(CultureInfo.InvariantCulture)),
            new("Sure but wrong", progress.ConfidentButWrong.ToString(CultureInfo.InvariantCulture)),
        };
        if (progress.WeakestTopic is not null)
        {
            facts.Add(new Fact("Topic to work on", progress.WeakestTopic));
        }

        return new AdaptiveCard
        {
            Body = [Blocks.Heading("Your progress"), new FactSet(facts), Blocks.Subtle("Only you can see this.")],
            Actions = CommonActions.WithReportConcern(CommonActions.StartQuiz("Practise now"), new ExecuteAction("Read a refresher", Verbs.Refresher) { AssociatedInputs = "none" }),
            Speak = $"You have answered {progress.Answered} questions, {share} correctly.",
            FallbackText = $"Answered {progress.Answered}, correct {share}.",
        };
    }
}
