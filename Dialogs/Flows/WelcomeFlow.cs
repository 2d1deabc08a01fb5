namespace Beacon.Dialogs.Flows;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Presentation;
using Beacon.Dialogs.Turns;
using Beacon.Training.Content;
using Beacon.Training.Learners;

/// <summary>The one-time welcome and the role choice.</summary>
public sealed class WelcomeFlow(LearnerDirectory learners)
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

        var card = WelcomeCard.Build(new WelcomeView(FirstName(learner.DisplayName), CardViews.Tracks, learner.Track));
        await turn.SendAsync(OutgoingMessage.FromCard(card, "Welcome to Beacon"), cancellationToken).ConfigureAwait(false);
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

    private static string? FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? null : displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
