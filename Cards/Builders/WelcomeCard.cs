namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>The one-time welcome in a personal chat, with the role track choice.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeView welcome)
    {
        ArgumentNullException.ThrowIfNull(welcome);
        var greeting = string.IsNullOrWhiteSpace(welcome.FirstName) ? "Welcome to Beacon" : $"Welcome to Beacon, {welcome.FirstName}";
        return new AdaptiveCard
        {
            Body =
            [
                Blocks.Heading(greeting),
                Blocks.Paragraph(
                    "Beacon helps you recognise the signs of human trafficking and respond safely in your work, " +
                    "two minutes at a time."),
                Blocks.Bullets(
                [
                    "A short quiz in this chat, adapted to what you are about to forget.",
                    "Refresher cards on the topics you find hardest.",
                    "How to report a concern, whenever you need it: just type **report**.",
                ]),
                TrackChoice.Input(welcome.Tracks, welcome.CurrentTrack),
                new ActionSet([ScheduleVerbs.OfferDailyQuiz()]),
            ],
            Actions =
            [
                TrackChoice.SaveAction(),
                CommonActions.StartQuiz(),
                CommonActions.ReportConcern("How do I report a concern?"),
            ],
            Speak = $"{greeting}. Choose your role, then start a quiz. To report a concern, type report.",
            FallbackText = greeting,
        };
    }
}
