namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>Tells a learner, in their 1:1 chat, that they are in a refresher campaign: which, when, how long.</summary>
public static class CampaignAnnouncementCard
{
    public static AdaptiveCard Build(CampaignAnnouncementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var what = $"You're in the refresher campaign **{view.Name}**: {view.QuestionsPerSession} short " +
            $"{(view.QuestionsPerSession == 1 ? "question" : "questions")} {view.When}, from {view.From} to {view.To}.";
        var body = new List<CardElement>
        {
            Blocks.SubHeading("A refresher campaign for you"),
            Blocks.Paragraph(what),
        };
        if (view.WithAssessments)
        {
            body.Add(Blocks.Paragraph("The first and last sessions are quick check-ins, so you can see how much you've learned."));
        }

        body.Add(Blocks.Subtle("Your answers are private: your manager only sees figures for the whole group."));
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(),
            Speak = $"You're in the refresher campaign {view.Name}, {view.When}, from {view.From} to {view.To}.",
            FallbackText = $"You're in the refresher campaign {view.Name}, {view.When}, from {view.From} to {view.To}.",
        };
    }
}
