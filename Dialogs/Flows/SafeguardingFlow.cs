namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Extensions.Logging;

/// <summary>
/// A manager sets the organisation's safeguarding route in chat (<c>set safeguarding contact</c>):
/// contact, how to reach them, internal procedure, who receives handed-over concerns, default
/// region. It replaces the configured route for the tenant; removing it brings the configured one back.
/// </summary>
public sealed class SafeguardingFlow(
    ISafeguardingRouteStore store,
    StoredSafeguardingRoutes routes,
    ISafeguardingDirectory directory,
    GuidanceComposer guidance,
    IManagerDirectory managers,
    ILearnerStore learners,
    TimeProvider clock,
    ILogger<SafeguardingFlow> logger)
{
    // Far beyond what the form lets anyone type or pick: such data was not sent by the form.
    private const int MaxGarbledInputLength = 2000;
    private const int MaxGarbledPeople = 50;

    /// <summary>
    /// Sends the form to a manager. False, so the caller shows the guidance, for anyone else (they get
    /// the managers' refusal first) and when the store can't tell.
    /// </summary>
    public async Task<bool> TryOpenFormAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        bool manager;
        try
        {
            manager = await managers.IsManagerAsync(turn.Incoming.TenantId, turn.Incoming.From, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Could not tell whether the sender of a safeguarding command is a manager: store unavailable; showing guidance");
            return false;
        }

        if (!manager)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(ManagerGate.RefusalCard(), "That's for managers"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        var form = await FormAsync(turn.Incoming, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(OutgoingMessage.FromCard(form, "Your organisation's safeguarding contact"), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The form's actions, from a manager (the gate has checked).</summary>
    public async Task<InvokeResult> OnActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tenantId = turn.Incoming.TenantId;
        return turn.Incoming.Verb switch
        {
            SafeguardingVerbs.Save => await SaveAsync(turn, cancellationToken).ConfigureAwait(false),
            SafeguardingVerbs.AskRemove => new CardInvokeResult(SafeguardingFormCard.ConfirmRemove(Describe(directory.FindConfigured(tenantId)))),
            SafeguardingVerbs.ConfirmRemove => new CardInvokeResult(await RemoveAsync(tenantId, cancellationToken).ConfigureAwait(false)),
            SafeguardingVerbs.Cancel => new CardInvokeResult(NoticeCard.Build(
                "Nothing changed",
                $"Guidance still shows {Describe(directory.Find(tenantId))}.",
                new ExecuteAction("Open the form again", SafeguardingVerbs.Open) { AssociatedInputs = "none" })),
            _ => new CardInvokeResult(await FormAsync(turn.Incoming, cancellationToken).ConfigureAwait(false)),
        };
    }

    /// <summary>Card data no form of ours sends: far too long, or more people than anyone picks.</summary>
    private static bool IsGarbled(IReadOnlyDictionary<string, string> data) =>
        new[] { SafeguardingVerbs.NameInput, SafeguardingVerbs.ReachInput, SafeguardingVerbs.ProcedureInput, SafeguardingVerbs.PeopleInput, SafeguardingVerbs.RegionInput }
            .Any(key => data.GetValueOrDefault(key)?.Length > MaxGarbledInputLength)
        || PeopleIn(data).Count > MaxGarbledPeople;

    /// <summary>The people picked, Entra object ids in their usual form so that one person counts once.</summary>
    private static List<string> PeopleIn(IReadOnlyDictionary<string, string> data) =>
    [
        .. (Trimmed(data, SafeguardingVerbs.PeopleInput) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => Guid.TryParse(id, out var objectId) ? objectId.ToString("D") : id)
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    private async Task<InvokeResult> SaveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        var data = incoming.Data;
        if (IsGarbled(data))
        {
            logger.LogWarning("Safeguarding form data that the form can't have sent; nothing saved");
            return new CardInvokeResult(NoticeCard.Build(
                "That form came back damaged",
                "Nothing was saved and guidance has not changed. Please open the form again and fill it in.",
                new ExecuteAction("Open the form again", SafeguardingVerbs.Open) { AssociatedInputs = "none" }));
        }

        var current = await CurrentAsync(incoming.TenantId, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var procedureText = Trimmed(data, SafeguardingVerbs.ProcedureInput);
        Uri? procedure = null;
        if (procedureText is not null && !Uri.TryCreate(procedureText, UriKind.Absolute, out procedure))
        {
            problems.Add($"The procedure link must be an https:// address of up to {SafeguardingRoute.MaxProcedureUrlLength} characters.");
        }

        var knownNames = current?.Recipients.ToDictionary(r => r.AadObjectId, r => r.DisplayName, StringComparer.OrdinalIgnoreCase) ?? [];
        var route = new SafeguardingRoute
        {
            TenantId = incoming.TenantId,
            Name = Trimmed(data, SafeguardingVerbs.NameInput) ?? string.Empty,
            HowToReach = Trimmed(data, SafeguardingVerbs.ReachInput) ?? string.Empty,
            ProcedureUrl = procedure,
            Recipients = [.. PeopleIn(data).Select(id => new SafeguardingRecipient(id, knownNames.GetValueOrDefault(id)))],
            DefaultRegion = Trimmed(data, SafeguardingVerbs.RegionInput),
            UpdatedBy = incoming.From.AadObjectId ?? incoming.From.StableId,
            UpdatedAt = clock.GetUtcNow(),
        };
        problems.AddRange(SafeguardingRouteRules.Validate(route, guidance.IsKnownRegion));
        if (problems.Count > 0)
        {
            return new CardInvokeResult(SafeguardingFormCard.Build(
                await ViewAsync(route, procedureText, current, incoming, cancellationToken).ConfigureAwait(false) with { Problems = problems }));
        }

        route = route with { Recipients = await NamedAsync(route.TenantId, route.Recipients, cancellationToken).ConfigureAwait(false) };
        try
        {
            await store.SaveAsync(route, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(ex, "Safeguarding route not saved: store unavailable");
            return new CardInvokeResult(NoticeCard.Build(
                "I couldn't save the safeguarding contact",
                "Nothing changed: guidance still shows the contact it showed before. Please try again in a moment.",
                new ExecuteAction("Open the form again", SafeguardingVerbs.Open) { AssociatedInputs = "none" }));
        }

        routes.Remember(route);
        logger.LogInformation("A manager set the safeguarding route in chat ({Recipients} recipients)", route.Recipients.Count);
        var preview = GuidanceCard.Build(guidance.Compose(new GuidanceRequest(incoming.TenantId, incoming.Country, null, null)));
        await turn.SendAsync(OutgoingMessage.FromCard(preview, "Reporting guidance as your organisation now sees it"), cancellationToken).ConfigureAwait(false);
        return new CardInvokeResult(NoticeCard.Build(
            "Safeguarding contact saved",
            $"Everyone in your organisation who asks how to report a concern now sees {Describe(SafeguardingContact.From(route))}. " +
            Handoffs(route.Recipients.Count) + " The guidance as they see it is in the next message.",
            new ExecuteAction("Change it", SafeguardingVerbs.Open) { AssociatedInputs = "none" }));
    }

    private async Task<AdaptiveCard> RemoveAsync(string tenantId, CancellationToken cancellationToken)
    {
        bool removed;
        try
        {
            removed = await store.RemoveAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(ex, "Safeguarding route not removed: store unavailable");
            return NoticeCard.Build("I couldn't remove it", "Nothing changed. Please try again in a moment.");
        }

        routes.Forget(tenantId);
        var configured = directory.FindConfigured(tenantId);
        if (!removed)
        {
            return NoticeCard.Build("Nothing to remove", $"No contact was set in chat. Guidance shows {Describe(configured)}.");
        }

        logger.LogInformation("A manager removed the safeguarding route set in chat");
        return NoticeCard.Build(
            "Contact set in chat removed",
            configured is null
                ? "No contact is set up in Beacon's configuration either: guidance now shows the emergency number and the specialist lines only. Type **set safeguarding contact** to add one."
                : $"Guidance now shows {Describe(configured)} from Beacon's configuration.");
    }

    private async Task<AdaptiveCard> FormAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        var tenantId = incoming.TenantId;
        var current = await CurrentAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            return SafeguardingFormCard.Build(await ViewAsync(current, current.ProcedureUrl?.OriginalString, current, incoming, cancellationToken).ConfigureAwait(false));
        }

        var configured = directory.FindConfigured(tenantId);
        return SafeguardingFormCard.Build(new SafeguardingFormView
        {
            Name = configured?.Name,
            HowToReach = configured?.HowToReach,
            ProcedureUrl = configured?.ProcedureUrl?.OriginalString,
            Region = configured?.DefaultRegion,
            RegionChoices = guidance.RegionChoices,
            Source = Source(null, string.Empty, configured),
            MaxName = SafeguardingRoute.MaxNameLength,
            MaxHowToReach = SafeguardingRoute.MaxHowToReachLength,
        });
    }

    /// <summary>The route set in chat: from the store, or what this instance holds while the store is down.</summary>
    private async Task<SafeguardingRoute?> CurrentAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Safeguarding route read from memory: store unavailable");
            return routes.Find(tenantId);
        }
    }

    private async Task<SafeguardingFormView> ViewAsync(
        SafeguardingRoute shown, string? procedureText, SafeguardingRoute? current, IncomingTurn incoming, CancellationToken cancellationToken) => new()
    {
        Name = shown.Name,
        HowToReach = shown.HowToReach,
        ProcedureUrl = procedureText,
        People = [.. shown.Recipients.Select(r => new SafeguardingPersonView(r.AadObjectId, r.DisplayName ?? "Picked person"))],
        Region = shown.DefaultRegion,
        RegionChoices = guidance.RegionChoices,
        Source = Source(current, await SetterAsync(current, incoming, cancellationToken).ConfigureAwait(false), directory.FindConfigured(incoming.TenantId)),
        CanRemove = current is not null,
        MaxName = SafeguardingRoute.MaxNameLength,
        MaxHowToReach = SafeguardingRoute.MaxHowToReachLength,
    };

    /// <summary>Who set the route in chat, as the manager looking at the form would say it.</summary>
    private async Task<string> SetterAsync(SafeguardingRoute? current, IncomingTurn incoming, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return string.Empty;
        }

        if (string.Equals(current.UpdatedBy, incoming.From.StableId, StringComparison.OrdinalIgnoreCase))
        {
            return "you";
        }

        try
        {
            return await NameOfAsync(current.TenantId, current.UpdatedBy, cancellationToken).ConfigureAwait(false) ?? "another manager";
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Who set the safeguarding route not looked up: store unavailable");
            return "another manager";
        }
    }

    /// <summary>Names for newly picked people, from their Beacon profile when they have one (the picker sends ids only).</summary>
    private async Task<IReadOnlyList<SafeguardingRecipient>> NamedAsync(
        string tenantId, IReadOnlyList<SafeguardingRecipient> recipients, CancellationToken cancellationToken)
    {
        var named = new List<SafeguardingRecipient>(recipients.Count);
        try
        {
            foreach (var recipient in recipients)
            {
                named.Add(recipient.DisplayName is null
                    ? recipient with { DisplayName = await NameOfAsync(tenantId, recipient.AadObjectId, cancellationToken).ConfigureAwait(false) }
                    : recipient);
            }
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Names of the people picked not looked up: store unavailable");
            return recipients;
        }

        return named;
    }

    private async Task<string?> NameOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var learner = await learners.GetAsync(new LearnerKey(tenantId, aadObjectId), cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(learner?.DisplayName) ? null : learner.DisplayName;
    }

    private static string Source(SafeguardingRoute? current, string setBy, SafeguardingContact? configured) => current is not null
        ? $"Now: {Describe(SafeguardingContact.From(current))}, set in chat by {setBy} on {current.UpdatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. {Handoffs(current.Recipients.Count)}"
        : configured is not null
            ? $"Now: {Describe(configured)}, from Beacon's configuration. {Handoffs(configured.HandoffUserIds.Count)} Saving here replaces it for your organisation."
            : "No safeguarding contact is set up yet: guidance shows only the emergency number and the specialist lines.";

    private static string Describe(SafeguardingContact? contact) =>
        contact is null ? "no organisation contact (only the emergency number and the specialist lines)" : $"{contact.Name} ({contact.HowToReach})";

    private static string Handoffs(int people) => people switch
    {
        0 => "Nobody receives handed-over concerns in Teams, so the guidance offers no \"Message our safeguarding lead\" button.",
        1 => "1 person receives concerns people hand over in Teams.",
        _ => $"{people} people receive concerns people hand over in Teams.",
    };

    private static string? Trimmed(IReadOnlyDictionary<string, string> data, string key) =>
        data.GetValueOrDefault(key)?.Trim() is { Length: > 0 } value ? value : null;
}
