namespace Beacon.Dialogs.Flows;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// <c>grant manager @name</c> and <c>revoke manager @name</c>, from a manager (the gate has checked).
/// The person is the one @mentioned; their Entra object id comes from the conversation's roster,
/// never from the message. Managers from configuration can't be revoked in chat.
/// </summary>
public sealed class ManagerFlow(IManagerDirectory managers, IManagerGrantStore grants, TimeProvider clock, ILogger<ManagerFlow> logger)
{
    public async Task OnCommandAsync(ITurnContext turn, ManagerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var card = await CardForAsync(turn, command.Kind == ManagerCommandKind.Grant, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> CardForAsync(ITurnContext turn, bool grant, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        var verb = grant ? "grant manager" : "revoke manager";
        if (incoming.Mentions.Count != 1)
        {
            return NoticeCard.Build(
                "Who do you mean?",
                $"@mention one person in this chat or channel, for example **{verb} @Sam Rivera**.");
        }

        var mentioned = incoming.Mentions[0];
        var person = await turn.GetMemberAsync(mentioned.Id, cancellationToken).ConfigureAwait(false);
        var name = person?.Name ?? mentioned.Name ?? "That person";
        if (person?.AadObjectId is not { Length: > 0 } aadObjectId)
        {
            return NoticeCard.Build(
                "I couldn't find them",
                $"{name} isn't a member here that I can identify. Try again in a chat or channel you're both in.");
        }

        if (grant)
        {
            if (await managers.IsManagerAsync(incoming.TenantId, person, cancellationToken).ConfigureAwait(false))
            {
                return NoticeCard.Build("Already a manager", $"{name} is already a Beacon manager. Nothing changed.");
            }

            await grants.GrantAsync(new ManagerGrant(incoming.TenantId, aadObjectId, person.Name, incoming.LearnerKey.LearnerId, clock.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
            logger.LogInformation("A manager granted the manager role in chat");
            return NoticeCard.Build("Manager added", $"{name} is now a Beacon manager: they can plan campaigns and see campaign reports.");
        }

        if (managers.IsConfigured(incoming.TenantId, person))
        {
            return NoticeCard.Build(
                "Set up by your administrator",
                $"{name} is a manager in Beacon's configuration, so I can't change that in chat. Ask your Beacon administrator. Nothing changed.");
        }

        if (!await grants.RevokeAsync(incoming.TenantId, aadObjectId, cancellationToken).ConfigureAwait(false))
        {
            return NoticeCard.Build("Not a manager", $"{name} isn't a Beacon manager, so nothing changed.");
        }

        logger.LogInformation("A manager revoked a manager role granted in chat");
        return NoticeCard.Build("Manager removed", $"{name} is no longer a Beacon manager.");
    }
}
