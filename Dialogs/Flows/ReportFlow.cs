namespace Beacon.Dialogs.Flows;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// "How do I report a concern?". Works without the store: the learner's saved track and region
/// are used when the store answers quickly, and general guidance is given when it does not.
/// Region precedence: a place named in the message (this reply only), then Teams' clientInfo
/// country, then the learner's saved region, then the tenant default or the international region.
/// </summary>
public sealed class ReportFlow(GuidanceComposer guidance, RegionFromWords regionFromWords, ILearnerStore learners, TimeProvider clock, ILogger<ReportFlow> logger)
{
    private const string Summary = "How to report a concern";
    private static readonly TimeSpan ProfileLookupBudget = TimeSpan.FromSeconds(2);

    public async Task<AdaptiveCard> BuildGuidanceAsync(
        IncomingTurn incoming,
        CancellationToken cancellationToken,
        string? regionOverride = null,
        bool offerProgressReport = false) =>
        GuidanceCard.Build(await ComposeAsync(incoming, cancellationToken, regionOverride, offerProgressReport).ConfigureAwait(false));

    private async Task<GuidanceView> ComposeAsync(
        IncomingTurn incoming, CancellationToken cancellationToken, string? regionOverride = null, bool offerProgressReport = false)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var learner = await TryGetLearnerAsync(incoming.LearnerKey, cancellationToken).ConfigureAwait(false);
        return guidance.Compose(new GuidanceRequest(
            incoming.TenantId,
            incoming.Country ?? learner?.Country,
            regionOverride ?? (incoming.Country is null ? learner?.ReportingRegion : null),
            learner?.Track)
        {
            OfferProgressReport = offerProgressReport,
            Text = incoming.Kind == TurnKind.Message ? incoming.Text : null,
            Voice = Enum.TryParse<GuidanceVoice>(incoming.Data.GetValueOrDefault(CardData.Voice), out var voice) ? voice : null,
        });
    }

    /// <summary>Sends guidance; outside a personal chat it goes to the user privately, with a short pointer here.</summary>
    public async Task SendAsync(ITurnContext turn, CancellationToken cancellationToken, bool offerProgressReport = false)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var namedRegion = regionFromWords.RegionCode(turn.Incoming.Text);
        var view = await ComposeAsync(turn.Incoming, cancellationToken, namedRegion, offerProgressReport).ConfigureAwait(false);
        var card = GuidanceCard.Build(view);
        if (turn.Incoming.IsPersonal)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(card, Summary), cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await turn.SendPersonalAsync(turn.Incoming.From.Id, OutgoingMessage.FromCard(card, Summary), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            // A private chat could not be opened: guidance here is better than none.
            logger.LogWarning(ex, "Could not open a personal chat for reporting guidance; answering in the conversation");
            await turn.SendAsync(OutgoingMessage.FromCard(card, Summary), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendAsync(
            OutgoingMessage.FromCard(NoticeCard.Build(
                "I've sent you a private message",
                $"Let's talk about this one to one. {GuidanceCard.EmergencyLine(view)}")),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The guidance for a region the user picked; remembered for next time when the store is up.</summary>
    public async Task<AdaptiveCard?> ChangeRegionAsync(IncomingTurn incoming, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!guidance.IsKnownRegion(region))
        {
            return null;
        }

        var learner = await TryGetLearnerAsync(incoming.LearnerKey, cancellationToken).ConfigureAwait(false);
        if (learner is not null && learner.ReportingRegion != region)
        {
            try
            {
                await learners.UpsertAsync(learner with { ReportingRegion = region }, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                logger.LogWarning(ex, "Could not remember the chosen reporting region; showing it anyway");
            }
        }

        return await BuildGuidanceAsync(incoming, cancellationToken, regionOverride: region).ConfigureAwait(false);
    }

    private async Task<Learner?> TryGetLearnerAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(ProfileLookupBudget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await learners.GetAsync(key, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Store unavailable while giving reporting guidance; giving general guidance");
            return null;
        }
    }
}
