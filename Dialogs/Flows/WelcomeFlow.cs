namespace Beacon.Dialogs.Flows;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Presentation;
using Beacon.Dialogs.Turns;
using Beacon.Training.Content;
using Beacon.Training.Learners;

/// <summary>The one-time welcome (role and daily quiz, "Get started" for both) and the role choice.</summary>
public sealed class WelcomeFlow(LearnerDirectory learners, ScheduleFlow schedule)
{
    /// <summary>Welcomes a learner in their personal chat, once, however often Teams announces the install.</summary>
    public async Task OnInstalledAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Incoming.IsPersonal)
        {
            return;
        }

        var learner = await learners.SyncAsync(turn.Incoming, cancellationToken).ConfigureAwait(false);
        if (!await learners.TryMarkWelcomedAsync(learner.Key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var card = WelcomeCard.Build(await ViewAsync(learner, null, cancellationToken).ConfigureAwait(false));
        await turn.SendAsync(OutgoingMessage.FromCard(card, "Welcome to Beacon"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A welcome card button (<see cref="WelcomeVerbs"/>): saves the role chosen on the card and/or turns the
    /// daily quiz on, and returns the welcome card again, confirming what was saved. Nothing is saved when
    /// the role the button needs is missing or not one of the listed roles.
    /// </summary>
    public async Task<AdaptiveCard> OnActionAsync(Learner learner, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        var chosen = data.GetValueOrDefault(CardData.Track);
        var needsRole = verb is WelcomeVerbs.GetStarted or WelcomeVerbs.SaveRole;
        if (!string.IsNullOrEmpty(chosen) && !Track.IsRole(chosen))
        {
            return WelcomeCard.Build(await ViewAsync(learner, "Please choose one of the listed roles. Nothing was saved.", cancellationToken).ConfigureAwait(false));
        }

        if (needsRole && string.IsNullOrEmpty(chosen))
        {
            var button = verb == WelcomeVerbs.GetStarted ? WelcomeCard.GetStartedTitle : WelcomeCard.SaveRoleTitle;
            return WelcomeCard.Build(await ViewAsync(learner, $"Choose your role first, then press {button}.", cancellationToken).ConfigureAwait(false));
        }

        var saved = learner;
        if (!string.IsNullOrEmpty(chosen) && chosen != learner.Track)
        {
            saved = learner with { Track = chosen };
            await learners.SaveAsync(saved, cancellationToken).ConfigureAwait(false);
        }

        string? daily = null;
        if (verb is WelcomeVerbs.GetStarted or WelcomeVerbs.DailyQuiz)
        {
            await schedule.TurnOnDailyAsync(learner.Key, cancellationToken).ConfigureAwait(false);
            daily = await schedule.DescribeDailyAsync(saved, cancellationToken).ConfigureAwait(false);
        }

        var role = string.IsNullOrEmpty(chosen) ? null : $"your role is {Track.DisplayName(chosen)}";
        var quiz = daily is null ? null : $"a two-minute quiz comes {daily}";
        var notice = "Saved: " + string.Join(", and ", new[] { role, quiz }.Where(part => part is not null)) + ".";
        return WelcomeCard.Build(await ViewAsync(saved, notice, cancellationToken).ConfigureAwait(false));
    }

    public static AdaptiveCard RoleCardFor(Learner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return RoleCard.Build(CardViews.Tracks, learner.Track);
    }

    /// <summary>Saves the chosen track; returns the confirmation card, or null when the choice is not a track.</summary>
    public async Task<AdaptiveCard?> ChooseTrackAsync(Learner learner, string? track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (!Track.IsRole(track))
        {
            return null;
        }

        await learners.SaveAsync(learner with { Track = track }, cancellationToken).ConfigureAwait(false);
        return TrackSavedCard.Build(CardViews.TrackOf(track!), CardViews.Tracks);
    }

    private async Task<WelcomeView> ViewAsync(Learner learner, string? notice, CancellationToken cancellationToken) =>
        new(FirstName(learner.DisplayName), CardViews.Tracks, Track.IsRole(learner.Track) ? learner.Track : null)
        {
            DailyQuiz = await schedule.DescribeDailyAsync(learner, cancellationToken).ConfigureAwait(false),
            Notice = notice,
        };

    private static string? FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? null : displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
