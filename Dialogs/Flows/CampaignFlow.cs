namespace Beacon.Dialogs.Flows;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Campaigns;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Presentation;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Reports;
using Beacon.Scheduler.Sessions;
using Beacon.Scheduler.Timing;
using Beacon.Training.Campaigns;
using Beacon.Training.Observability;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// Everything a manager does with campaigns in chat: the form (from <c>new campaign</c>, optionally
/// with a schedule sentence), confirming it (the audience is told personally), the list with pause,
/// resume, edit, cancel and report, and <c>campaign report</c>. The manager gate has already let the
/// turn through. Card data is never trusted: the campaign is read again by the turn's tenant and id,
/// and every step goes through <see cref="CampaignLifecycle"/>.
/// </summary>
public sealed class CampaignFlow(
    ICampaignStore campaigns,
    CampaignAudiences audiences,
    CampaignReportService reports,
    ICampaignReportLinks reportLinks,
    DeliveryOptions options,
    TimeProvider clock,
    ILogger<CampaignFlow> logger)
{
    private const int SaveAttempts = 3;

    private static readonly ErrorInvokeResult UnknownCampaign =
        new(400, "unknownCampaign", "I can't find that campaign. Type campaigns to see the current list.");

    /// <summary>A typed manager command (not grant or revoke); the answer goes into the conversation.</summary>
    public async Task OnCommandAsync(ITurnContext turn, ManagerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Kind)
        {
            case ManagerCommandKind.NewCampaign:
                await turn.SendAsync(OutgoingMessage.FromCard(NewForm(turn.Incoming, command.Rest), "New campaign"), cancellationToken).ConfigureAwait(false);
                break;
            case ManagerCommandKind.CampaignReport:
                await SendReportAsync(turn, command.Rest, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await turn.SendAsync(OutgoingMessage.FromCard(await ListAsync(turn.Incoming, null, cancellationToken).ConfigureAwait(false)), cancellationToken)
                    .ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A campaign card action (<see cref="CampaignVerbs"/>); the result replaces the card.</summary>
    public async Task<InvokeResult> OnActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var incoming = turn.Incoming;
        switch (incoming.Verb)
        {
            case CampaignVerbs.New:
                return new CardInvokeResult(NewForm(incoming, sentence: null));
            case CampaignVerbs.List:
                return new CardInvokeResult(await ListAsync(incoming, null, cancellationToken).ConfigureAwait(false));
            case CampaignVerbs.Confirm:
                return await ConfirmAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        var campaign = await FindAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (campaign is null)
        {
            logger.LogWarning("Campaign action {Verb} named a campaign this tenant doesn't have", UntrustedText.ForLog(incoming.Verb));
            return UnknownCampaign;
        }

        var today = TodayFor(incoming);
        var now = clock.GetUtcNow();
        return incoming.Verb switch
        {
            CampaignVerbs.Pause => await ChangeAsync(incoming, campaign, c => CampaignLifecycle.Pause(c, today, now), "Paused", cancellationToken).ConfigureAwait(false),
            CampaignVerbs.Resume => await ChangeAsync(incoming, campaign, c => CampaignLifecycle.Resume(c, today, now), "Resumed", cancellationToken).ConfigureAwait(false),
            CampaignVerbs.ConfirmCancel => await ChangeAsync(incoming, campaign, c => CampaignLifecycle.Cancel(c, today, now), "Cancelled", cancellationToken).ConfigureAwait(false),
            CampaignVerbs.AskCancel => new CardInvokeResult(CampaignListCard.ConfirmCancel(campaign.Id, campaign.Name)),
            CampaignVerbs.Edit => EditForm(incoming, campaign, today),
            CampaignVerbs.Report => new CardInvokeResult(await ReportAsync(campaign, cancellationToken).ConfigureAwait(false)),
            _ => UnknownCampaign,
        };
    }

    /// <summary>The form for a new campaign, prefilled from a schedule sentence when one came with the command.</summary>
    public AdaptiveCard NewForm(IncomingTurn incoming, string? sentence)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var form = new CampaignForm { Audience = incoming.TeamId is null ? CampaignVerbs.AudienceTrack : CampaignVerbs.AudienceTeam };
        string? unparsed = null;
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            var parsed = ScheduleSentenceParser.Parse(sentence, clock.GetUtcNow(), ZoneOf(incoming));
            form = CampaignForm.FromSentence(parsed) with { Audience = form.Audience };
            unparsed = string.IsNullOrWhiteSpace(parsed.Unparsed) ? null : parsed.Unparsed;
        }

        return CampaignFormCard.Build(form.ToView(CampaignIds.New(), TeamNameOf(incoming)) with { Unparsed = unparsed });
    }

    private static CardInvokeResult EditForm(IncomingTurn incoming, Campaign campaign, DateOnly today)
    {
        var state = campaign.StateOn(today);
        if (state is CampaignState.Completed or CampaignState.Cancelled)
        {
            return new CardInvokeResult(CampaignListCard.Build(new CampaignListView([CampaignViews.Item(campaign, today)], $"A {state.ToString().ToLowerInvariant()} campaign can't be edited.")));
        }

        var view = CampaignForm.FromCampaign(campaign).ToView(campaign.Id, TeamNameOf(incoming) ?? campaign.Audience.TeamName) with
        {
            IsEdit = campaign.Status != CampaignStatus.Draft,
            HasStarted = campaign.Status != CampaignStatus.Draft && campaign.StartDate <= today,
        };
        return new CardInvokeResult(CampaignFormCard.Build(view));
    }

    /// <summary>
    /// The form came back: a new campaign is created and confirmed, a draft is confirmed, a confirmed
    /// campaign is edited (future sessions only). Problems re-show the form with them listed; a new
    /// campaign with problems is kept as a draft so nothing typed is lost.
    /// </summary>
    private async Task<InvokeResult> ConfirmAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        var id = incoming.Data.GetValueOrDefault(CampaignVerbs.CampaignId);
        if (!CampaignIds.IsWellFormed(id))
        {
            return UnknownCampaign;
        }

        var problems = new List<string>();
        var form = CampaignForm.FromInputs(incoming.Data, problems);
        var key = new CampaignKey(incoming.TenantId, id!);
        var current = await campaigns.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var today = TodayFor(incoming);
        var now = clock.GetUtcNow();
        if (current is not null && current.Status != CampaignStatus.Draft)
        {
            // Sessions already sent keep their start; the form leaves the start date out then.
            form = form with { Start = form.Start ?? current.StartDate, PreAssessment = incoming.Data.ContainsKey(CampaignVerbs.PreInput) ? form.PreAssessment : current.PreAssessment };
        }

        problems.AddRange(form.Missing());
        var resolved = await audiences.ResolveAsync(turn, form, current, cancellationToken).ConfigureAwait(false);
        problems.AddRange(resolved.Problems);
        var basis = current ?? new Campaign
        {
            TenantId = incoming.TenantId,
            Id = id!,
            Name = string.Empty,
            CreatedBy = incoming.LearnerKey.LearnerId,
            Audience = resolved.Audience,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var edited = form.ApplyTo(basis, resolved.Audience) with { UpdatedAt = now };
        if (problems.Count > 0 && form.Start is not null && form.Weeks is not null)
        {
            // List every problem at once, not only the empty fields.
            problems.AddRange(CampaignRules.Validate(edited, basis.Status == CampaignStatus.Draft ? today : DateOnly.MinValue).Except(problems));
        }

        var change = problems.Count > 0
            ? CampaignChange.Refused(string.Join(" ", problems))
            : basis.Status == CampaignStatus.Draft
                ? CampaignLifecycle.Confirm(edited, today, now)
                : CampaignLifecycle.Edit(basis, edited, today, now);
        if (!change.Allowed)
        {
            var refusals = problems.Count > 0 ? problems : [change.Refusal!];
            if (basis.Status == CampaignStatus.Draft)
            {
                await TrySaveDraftAsync(edited, cancellationToken).ConfigureAwait(false);
            }

            return new CardInvokeResult(FormWithProblems(form, basis, incoming, today, refusals));
        }

        // An edit tells only people who are new to the audience (a track's learners were told when it was confirmed).
        IReadOnlyList<string> previouslyTold = current is not { Status: not CampaignStatus.Draft } ? []
            : current.Audience.Kind == AudienceKind.Track && edited.Audience.Kind == AudienceKind.Track ? [.. resolved.Members.Select(m => m.LearnerId)]
            : current.Audience.LearnerIds;

        // The announcements go out from delivery's next tick, paced and retried; the invoke is answered now.
        var announcement = CampaignAudiences.Queue(incoming, current?.Announcement, resolved.Members, previouslyTold);
        Campaign saved;
        try
        {
            saved = await campaigns.SaveAsync(change.Changed! with { Announcement = announcement }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Pressed twice, or someone else changed it: show what is stored now.
            logger.LogInformation("A campaign form was confirmed after the campaign changed");
            return new CardInvokeResult(await ListAsync(incoming, "This campaign changed while the form was open. Here is how it stands now; press Edit to make your change again.", cancellationToken)
                .ConfigureAwait(false));
        }

        var notice = current is { Status: not CampaignStatus.Draft }
            ? $"Saved your changes to {saved.Name}. They apply from tomorrow.{Telling(announcement.Total - (current.Announcement?.Total ?? 0))}"
            : $"{saved.Name} is confirmed.{Telling(announcement.Total)}";
        return new CardInvokeResult(await ListAsync(incoming, notice, cancellationToken).ConfigureAwait(false));
    }

    private static string Telling(int people) => people switch
    {
        0 => string.Empty,
        1 => " I'm telling the 1 person in it in a personal chat now.",
        _ => $" I'm telling the {people} people in it in a personal chat now.",
    };

    private static AdaptiveCard FormWithProblems(CampaignForm form, Campaign basis, IncomingTurn incoming, DateOnly today, IReadOnlyList<string> problems)
    {
        var view = form.ToView(basis.Id, TeamNameOf(incoming) ?? basis.Audience.TeamName) with
        {
            IsEdit = basis.Status != CampaignStatus.Draft,
            HasStarted = basis.Status != CampaignStatus.Draft && basis.StartDate <= today,
            Problems = problems,
        };
        return CampaignFormCard.Build(view);
    }

    private async Task TrySaveDraftAsync(Campaign draft, CancellationToken cancellationToken)
    {
        try
        {
            await campaigns.SaveAsync(draft with { Status = CampaignStatus.Draft }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // The draft changed in between; the form still shows what was typed.
        }
    }

    private async Task<InvokeResult> ChangeAsync(
        IncomingTurn incoming, Campaign campaign, Func<Campaign, CampaignChange> step, string done, CancellationToken cancellationToken)
    {
        var current = campaign;
        for (var attempt = 1; ; attempt++)
        {
            var change = step(current);
            if (!change.Allowed)
            {
                return new CardInvokeResult(await ListAsync(incoming, change.Refusal, cancellationToken).ConfigureAwait(false));
            }

            try
            {
                var saved = await campaigns.SaveAsync(change.Changed!, cancellationToken).ConfigureAwait(false);
                return new CardInvokeResult(await ListAsync(incoming, $"{done}: {saved.Name}.", cancellationToken).ConfigureAwait(false));
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Someone else saved it in between: apply the step to what is stored now.
                current = await campaigns.GetAsync(campaign.Key, cancellationToken).ConfigureAwait(false) ?? campaign;
            }
            catch (ConcurrencyConflictException)
            {
                return new CardInvokeResult(await ListAsync(incoming, "Someone else changed this campaign at the same moment. Nothing was changed; please try again.", cancellationToken)
                    .ConfigureAwait(false));
            }
        }
    }

    private async Task<AdaptiveCard> ListAsync(IncomingTurn incoming, string? notice, CancellationToken cancellationToken)
    {
        var today = TodayFor(incoming);
        var all = await campaigns.ListAsync(incoming.TenantId, cancellationToken).ConfigureAwait(false);
        return CampaignListCard.Build(new CampaignListView([.. all.Select(c => CampaignViews.Item(c, today))], notice));
    }

    /// <summary>
    /// "campaign report": the latest confirmed campaign's report, or the one whose name matches; when
    /// several match, the list asks which. Reports go to the manager's personal chat, never into a channel.
    /// </summary>
    private async Task SendReportAsync(ITurnContext turn, string name, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        var confirmed = (await campaigns.ListAsync(incoming.TenantId, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Status != CampaignStatus.Draft)
            .ToList();
        var matching = name.Length == 0 ? confirmed.Take(1).ToList() : confirmed.Where(c => c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        AdaptiveCard card;
        if (matching.Count == 1)
        {
            card = await ReportAsync(matching[0], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var notice = confirmed.Count == 0 ? "There is no confirmed campaign to report on yet."
                : matching.Count == 0 ? $"I couldn't find a campaign called \"{name}\". Which one did you mean?"
                : "Several campaigns match. Which one did you mean?";
            var today = TodayFor(incoming);
            var shown = matching.Count > 1 ? matching : confirmed;
            card = CampaignListCard.Build(new CampaignListView([.. shown.Select(c => CampaignViews.Item(c, today))], notice));
        }

        if (incoming.IsPersonal)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendPersonalAsync(incoming.From.Id, OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(OutgoingMessage.FromText("I've sent the campaign report to our private chat."), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report card (computed by <see cref="CampaignReportService"/>; figures under 5 learners are left out there) with its CSV link.</summary>
    private async Task<AdaptiveCard> ReportAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(campaign.Key, individualsAllowed: false, cancellationToken).ConfigureAwait(false);
        return report is null
            ? NoticeCard.Build("No report", "I can't find that campaign any more. Type **campaigns** to see the list.")
            : CampaignReportCard.Build(CampaignReportViews.From(report), reportLinks.IssueCsvLink(campaign.Key));
    }

    /// <summary>The campaign named in the action's data, in the turn's tenant; null when the id is malformed or unknown there.</summary>
    private async Task<Campaign?> FindAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        var id = incoming.Data.GetValueOrDefault(CampaignVerbs.CampaignId);
        return CampaignIds.IsWellFormed(id) && !string.IsNullOrEmpty(incoming.TenantId)
            ? await campaigns.GetAsync(new CampaignKey(incoming.TenantId, id!), cancellationToken).ConfigureAwait(false)
            : null;
    }

    private DateOnly TodayFor(IncomingTurn incoming) => LocalSlot.ToLocal(clock.GetUtcNow(), LearnerDay.ResolveZone(ZoneOf(incoming))).Date;

    private string ZoneOf(IncomingTurn incoming) =>
        incoming.TimeZone ?? options.TenantTimeZones.GetValueOrDefault(incoming.TenantId) ?? options.DefaultTimeZone;

    private static string? TeamNameOf(IncomingTurn incoming) => incoming.TeamId is null ? null : incoming.TeamName ?? "this team";
}
