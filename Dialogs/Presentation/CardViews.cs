namespace Beacon.Dialogs.Presentation;

using Beacon.Cards.Views;
using Beacon.Training.Answers;
using Beacon.Training.Content;

/// <summary>Maps the domain to the plain records the card builders render.</summary>
public static class CardViews
{
    public static IReadOnlyList<TrackView> Tracks { get; } =
        Track.Roles.Select(track => new TrackView(track, Track.DisplayName(track))).ToList();

    public static TrackView TrackOf(string track) => new(track, Track.DisplayName(track));

    /// <summary>The question as issued under <paramref name="promptId"/>: its options in the prompt's <paramref name="order"/>.</summary>
    public static QuestionView Question(Question question, string promptId, OptionOrder order)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(order);
        return new QuestionView(
            promptId,
            question.Id,
            Topic.DisplayName(question.Topic),
            question.Stem,
            order.Arrange(question).Select(option => new OptionView(option.Id, option.Text)).ToList());
    }

    /// <summary>The question as <paramref name="issued"/> showed it.</summary>
    public static QuestionView Question(Question question, IssuedQuestion issued)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(issued);
        return Question(question, issued.PromptId, issued.OrderOf(question));
    }

    public static FeedbackView Feedback(Question question, AnswerRecord answer, bool offerRefresher)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var chosen = question.FindOption(answer.OptionId)
            ?? throw new ArgumentException($"Option '{answer.OptionId}' is not part of question '{question.Id}'.", nameof(answer));
        return new FeedbackView(
            answer.Correct,
            answer.Confidence == Confidence.Sure,
            question.Stem,
            chosen.Text,
            chosen.Feedback,
            question.Options.Where(option => question.IsCorrect(option.Id)).Select(option => option.Text).ToList(),
            question.Explanation,
            question.WhatToDo,
            question.Source.Title,
            question.Source.Url,
            offerRefresher ? question.Topic : null);
    }

    public static RefresherView Refresher(Refresher refresher)
    {
        ArgumentNullException.ThrowIfNull(refresher);
        return new RefresherView(
            refresher.Id,
            Topic.DisplayName(refresher.Topic),
            refresher.Title,
            refresher.KeyPoints,
            refresher.WhatToDo,
            refresher.Source.Title,
            refresher.Source.Url);
    }
}
