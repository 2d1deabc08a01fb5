namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>Replaces the question card once it is answered: right or wrong, why, what to do, the source.</summary>
public static class FeedbackCard
{
    public static AdaptiveCard Build(FeedbackView feedback, bool offerNextQuestion = true)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var verdict = feedback.Correct
            ? new TextBlock("Correct") { Size = "Large", Weight = "Bolder", Color = "Good", Style = "heading" }
            : new TextBlock("Not quite") { Size = "Large", Weight = "Bolder", Color = "Attention", Style = "heading" };

        var body = new List<CardElement>
        {
            verdict,
            Blocks.Subtle(feedback.Stem),
            Blocks.Paragraph($"**Your answer:** {feedback.ChosenText}"),
            Blocks.Paragraph(feedback.ChosenFeedback),
        };
        if (!feedback.Correct)
        {
            body.Add(Blocks.Paragraph($"**The best answer:** {string.Join(" / ", feedback.CorrectAnswers)}"));
            if (feedback.WasSure)
            {
                body.Add(Blocks.Paragraph("You were sure of this one, so Beacon will bring it back soon."));
            }
        }

        body.Add(Blocks.SubHeading("Why"));
        body.Add(Blocks.Paragraph(feedback.Explanation));
        body.Add(Blocks.SubHeading("What to do"));
        body.Add(Blocks.Paragraph(feedback.WhatToDo));
        body.Add(Blocks.SourceLine(feedback.SourceTitle, feedback.SourceUrl));

        var actions = new List<CardAction>();
        if (feedback.Next is { } next)
        {
            actions.Add(CommonActions.OpenPrompt($"Next question ({next.Number} of {next.Total})", next.PromptId));
        }
        else if (offerNextQuestion)
        {
            actions.Add(CommonActions.StartQuiz("Next question"));
        }

        if (!feedback.Correct && feedback.RefresherTopic is not null)
        {
            var data = new Dictionary<string, string> { [CardData.Topic] = feedback.RefresherTopic };
            if (feedback.JustReadRefresherId is { } justRead)
            {
                data[CardData.RefresherId] = justRead;
            }

            actions.Add(new ExecuteAction("Refresh this topic", Verbs.Refresher) { AssociatedInputs = "none", Data = data });
        }
        else
        {
            // Four buttons do not fit a Teams card: their titles are cut short and "Report a
            // concern" with them. The source stays one tap away in the body's source line.
            actions.Add(CommonActions.OpenSource(feedback.SourceUrl));
        }
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern([.. actions]),
            Speak = $"{(feedback.Correct ? "Correct." : "Not quite.")} {feedback.Explanation}",
            FallbackText = feedback.Correct ? "Correct." : "Not quite.",
        };
    }
}
