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
/// At most <see cref="MaxPerLearnerPerWindow"/> per person and hour reach the contacts; the rest get a kind
/// card saying the concern was already passed on, with the emergency number.
/// </summary>
public sealed class HandoffFlow(GuidanceComposer guidance, IHandoffLog handoffs, TimeProvider clock, ILogger<HandoffFlow> logger)
{
    /// <summary>How many concerns one person can hand over per <see cref="Window"/>; more would bury a real one under a flood.</summary>
    public const int MaxPerLearnerPerWindow = 3;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // One person's requests are counted and sent one at a time on this instance, so parallel requests can't all pass the count.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

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

        var gate = Gates[(int)((uint)HashCode.Combine(incoming.TenantId, incoming.From.StableId) % (uint)Gates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await RecentHandoffsAsync(incoming.TenantId, incoming.From.StableId, cancellationToken).ConfigureAwait(false) >= MaxPerLearnerPerWindow)
            {
                logger.LogInformation("A handoff was not passed on: the same person handed over {Limit} concerns within the hour", MaxPerLearnerPerWindow);
                return NoticeCard.Build(
                    "Your concern has already been passed on",
                    $"Your safeguarding lead has your recent messages, so I haven't sent this one as well. To add anything, contact them directly: {contact.HowToReach}. If anyone is in immediate danger, call {emergency} now.");
            }

            return await HandOverAsync(turn, contact, text, emergency, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AdaptiveCard> HandOverAsync(ITurnContext turn, SafeguardingContact contact, string text, string emergency, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
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

    /// <summary>
    /// Handoffs from this person in the last <see cref="Window"/>, counted in the store so every instance sees the
    /// same number; 0 while the store is down (better one too many than a concern lost).
    /// </summary>
    private async Task<int> RecentHandoffsAsync(string tenantId, string fromUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await handoffs.CountFromAsync(tenantId, fromUserId, clock.GetUtcNow() - Window, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Could not count recent handoffs: store unavailable; delivering");
            return 0;
        }
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
