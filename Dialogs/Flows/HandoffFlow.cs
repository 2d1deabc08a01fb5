namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Training.Observability;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Extensions.Logging;

/// <summary>
/// "Message our safeguarding lead": the user's short message goes to the tenant's designated
/// contacts in Teams. Beacon keeps only that it happened (who, when, to whom), never the text.
/// </summary>
public sealed class HandoffFlow(GuidanceComposer guidance, IHandoffLog handoffs, TimeProvider clock, ILogger<HandoffFlow> logger)
{
    public async Task<AdaptiveCard> SendAsync(ITurnContext turn, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var incoming = turn.Incoming;
        var emergency = guidance.Compose(new GuidanceRequest(incoming.TenantId, incoming.Country, null, null)).EmergencyNumber;
        var contact = guidance.ContactFor(incoming.TenantId);
        if (contact is not { HandoffUserIds.Count: > 0 })
        {
            return NoticeCard.Build(
                "No safeguarding contact is set up in Beacon",
                $"Please use your organisation's internal procedure. If anyone is in immediate danger, call {emergency} now.");
        }

        var text = message?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > HandoffCard.MaxMessageLength)
        {
            return NoticeCard.Build(
                "Please write a short message",
                $"Write up to {HandoffCard.MaxMessageLength} characters, with no names or identifying details of the person of concern.");
        }

        if (await EarlierDeliveryAsync(incoming.TenantId, incoming.ActivityId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // Teams delivered the same request again (a retry): the contacts have the message already.
            return HandoffCard.Sent(emergency, earlier.ToUserIds.Count);
        }

        var now = clock.GetUtcNow();
        var card = HandoffCard.ForContact(incoming.From.Name ?? "A Beacon user", text, now);
        var delivered = new List<string>();
        foreach (var contactId in contact.HandoffUserIds)
        {
            try
            {
                await turn.SendPersonalAsync(contactId, OutgoingMessage.FromCard(card, "A safeguarding concern was raised"), cancellationToken)
                    .ConfigureAwait(false);
                delivered.Add(contactId);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                logger.LogError(ex, "Could not deliver a safeguarding handoff to a designated contact");
            }
        }

        if (delivered.Count == 0)
        {
            return NoticeCard.Build(
                "I couldn't reach your safeguarding lead",
                $"Please contact them directly: {contact.HowToReach}. If anyone is in immediate danger, call {emergency} now.");
        }

        BeaconTelemetry.Handoffs.Add(1);
        await RecordAsync(new HandoffRecord(incoming.TenantId, incoming.ActivityId, incoming.From.StableId, now, delivered), cancellationToken)
            .ConfigureAwait(false);
        return HandoffCard.Sent(emergency, delivered.Count);
    }

    /// <summary>The record of this very request, when it was handed over before; unknown (null) while the store is down: better twice than never.</summary>
    private async Task<HandoffRecord?> EarlierDeliveryAsync(string tenantId, string handoffId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handoffId))
        {
            return null;
        }

        try
        {
            return await handoffs.FindAsync(tenantId, handoffId, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Could not check whether handoff {HandoffId} was delivered before: store unavailable; delivering", handoffId);
            return null;
        }
    }

    /// <summary>The handoff has happened; a store outage must not turn it into a failure for the user.</summary>
    private async Task RecordAsync(HandoffRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await handoffs.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(
                ex,
                "Handoff {HandoffId} delivered to {Contacts} contact(s) at {At} but not recorded: store unavailable",
                record.HandoffId,
                record.ToUserIds.Count,
                record.At.ToString("O", CultureInfo.InvariantCulture));
        }
    }
}
