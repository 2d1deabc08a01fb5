namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// The one-time welcome in a personal chat: the role choice and the daily quiz, each on its own or
/// both at once with "Get started". The same card comes back after each of its buttons, showing
/// what is saved and keeping the controls for what is not.
/// </summary>
public static class WelcomeCard
{
    public const string GetStartedTitle = "Get started";

    public const string DailyQuizTitle = "Send me a two-minute quiz every weekday at 9:00";

    public const string SaveRoleTitle = "Save my role";

    public static AdaptiveCard Build(WelcomeView welcome)
    {
        ArgumentNullException.ThrowIfNull(welcome);
        var name = string.IsNullOrWhiteSpace(welcome.FirstName) ? string.Empty : $", {welcome.FirstName}";
        var heading = welcome.HasRole && welcome.HasDailyQuiz ? $"You're all set{name}" : $"Welcome to Beacon{name}";
        var body = new List<CardElement>
        {
            Blocks.Heading(heading),
            Blocks.Paragraph(
                "Beacon helps you recognise the signs of human trafficking and respond safely in your work, " +
                "two minutes at a time."),
            Blocks.Bullets(
            [
                "A short quiz in this chat, adapted to what you are about to forget.",
                "Refresher cards on the topics you find hardest.",
                "How to report a concern, whenever you need it: just type **report**.",
            ]),
        };
        if (welcome.Notice is not null)
        {
            body.Add(new TextBlock(welcome.Notice) { Weight = "Bolder" });
        }

        if (welcome.HasRole)
        {
            body.Add(Blocks.Paragraph($"Your role: **{DisplayNameOf(welcome)}**. You can change it here or with **role**."));
        }

        body.Add(TrackChoice.Input(welcome.Tracks, welcome.CurrentTrack, required: false));
        body.Add(new ActionSet([new ExecuteAction(SaveRoleTitle, WelcomeVerbs.SaveRole)]));
        if (welcome.HasDailyQuiz)
        {
            body.Add(Blocks.Paragraph($"Your daily quiz: **{welcome.DailyQuiz}**."));
            body.Add(new ActionSet([ScheduleVerbs.OpenSettings()]));
        }
        else
        {
            body.Add(new ActionSet([new ExecuteAction(DailyQuizTitle, WelcomeVerbs.DailyQuiz)]));
        }

        var actions = new List<CardAction>();
        if (!welcome.HasRole && !welcome.HasDailyQuiz)
        {
            actions.Add(new ExecuteAction(GetStartedTitle, WelcomeVerbs.GetStarted) { Style = "positive" });
        }

        actions.Add(CommonActions.StartQuiz());
        actions.Add(CommonActions.ReportConcern("How do I report a concern?"));
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            Speak = welcome.Notice ?? $"{heading}. Choose your role and press Get started. To report a concern, type report.",
            FallbackText = welcome.Notice is null ? heading : $"{heading}. {welcome.Notice}",
        };
    }

    private static string DisplayNameOf(WelcomeView welcome) =>
        welcome.Tracks.FirstOrDefault(t => t.Id == welcome.CurrentTrack)?.DisplayName ?? welcome.CurrentTrack!;
}
