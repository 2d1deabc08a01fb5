namespace Beacon.Dialogs.Campaigns;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Dialogs.Presentation;
using Beacon.Dialogs.Turns;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>One person in a campaign's audience: their learner id, and the id a personal chat is opened with (null when unknown).</summary>
public sealed record AudienceMember(string LearnerId, string? ChatUserId, string? Name);

/// <summary>The audience the form asked for, the people in it now, and why it can't be used (empty when it can).</summary>
public sealed record ResolvedAudience(CampaignAudience Audience, IReadOnlyList<AudienceMember> Members, IReadOnlyList<string> Problems);

public sealed record AnnouncementResult(int Told, int Unreachable);

/// <summary>
/// Works out who a campaign is for (the team's roster, the learners on a track, the people picked)
/// and tells them personally when it is confirmed. Telling someone opens their 1:1 chat, which
/// gives delivery their address: a roster member Beacon has not met yet becomes a learner here.
/// </summary>
public sealed class CampaignAudiences(ILearnerStore learners, TimeProvider clock, ILogger<CampaignAudiences> logger)
{
    private const int MaxIdLength = 128;

    public async Task<ResolvedAudience> ResolveAsync(ITurnContext turn, CampaignForm form, Campaign? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(form);
        var incoming = turn.Incoming;
        switch (form.Audience)
        {
            case CampaignVerbs.AudienceTrack:
                var onTrack = new List<AudienceMember>();
                await foreach (var learner in learners.ListActiveAsync(incoming.TenantId, cancellationToken).ConfigureAwait(false))
                {
                    if (learner.Track is { } track && form.Tracks.Contains(track, StringComparer.Ordinal))
                    {
                        onTrack.Add(new AudienceMember(learner.Key.LearnerId, learner.Address?.UserId, learner.DisplayName));
                    }
                }

                // Delivery finds a track's learners at each tick, so people who join the track later take part too.
                return new ResolvedAudience(new CampaignAudience { Kind = AudienceKind.Track }, onTrack, []);
            case CampaignVerbs.AudiencePicked:
                var picked = form.People.Where(id => id.Length <= MaxIdLength && !id.Any(char.IsWhiteSpace)).ToList();
                var problems = picked.Count < form.People.Count ? new[] { "Some of the people picked aren't valid; pick them again." } : [];
                return new ResolvedAudience(
                    new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = picked },
                    [.. picked.Select(id => new AudienceMember(id, id, null))],
                    problems);
            default:
                return await TeamAsync(turn, current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the announcement to everyone in <paramref name="members"/> not told before; a person who can't be reached is counted, not fatal.</summary>
    public async Task<AnnouncementResult> AnnounceAsync(
        ITurnContext turn, Campaign campaign, IReadOnlyList<AudienceMember> members, IReadOnlyList<string> toldBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(members);
        var card = CampaignAnnouncementCard.Build(CampaignViews.Announcement(campaign));
        int told = 0, unreachable = 0;
        foreach (var member in members.Where(m => !toldBefore.Contains(m.LearnerId, StringComparer.Ordinal)))
        {
            if (member.ChatUserId is null)
            {
                unreachable++;
                continue;
            }

            try
            {
                var address = await turn.SendPersonalAsync(member.ChatUserId, OutgoingMessage.FromCard(card, $"You're in the campaign {campaign.Name}"), cancellationToken)
                    .ConfigureAwait(false);
                await RememberAsync(new LearnerKey(campaign.TenantId, member.LearnerId), member.Name, address, cancellationToken).ConfigureAwait(false);
                told++;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or StoreUnavailableException))
            {
                logger.LogWarning(ex, "Could not tell an audience member about campaign {CampaignId}", campaign.Id);
                unreachable++;
            }
        }

        return new AnnouncementResult(told, unreachable);
    }

    private static async Task<ResolvedAudience> TeamAsync(ITurnContext turn, Campaign? current, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        var previous = current?.Audience is { Kind: AudienceKind.Team } audience ? audience : null;
        var teamId = incoming.TeamId ?? previous?.TeamId;
        if (teamId is null)
        {
            return new ResolvedAudience(
                new CampaignAudience { Kind = AudienceKind.Team },
                [],
                ["Everyone in a team works when you type new campaign in that team's channel. Here, choose a track or pick people instead."]);
        }

        IReadOnlyList<AudienceMember> members;
        if (incoming.TeamId == teamId)
        {
            var roster = await turn.GetTeamMembersAsync(teamId, cancellationToken).ConfigureAwait(false);
            members = [.. roster.Select(m => new AudienceMember(m.StableId, m.Id, m.Name))];
        }
        else
        {
            // Edited outside the team: the people stay those read from the roster when it was confirmed.
            members = [.. previous!.LearnerIds.Select(id => new AudienceMember(id, null, null))];
        }

        return new ResolvedAudience(
            new CampaignAudience
            {
                Kind = AudienceKind.Team,
                TeamId = teamId,
                TeamName = incoming.TeamId == teamId ? incoming.TeamName ?? previous?.TeamName : previous?.TeamName,
                LearnerIds = [.. members.Select(m => m.LearnerId).Distinct(StringComparer.Ordinal)],
            },
            members,
            []);
    }

    private async Task RememberAsync(LearnerKey key, string? name, ConversationAddress address, CancellationToken cancellationToken)
    {
        var existing = await learners.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing?.Address == address)
        {
            return;
        }

        var learner = existing ?? new Learner { Key = key, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        await learners.UpsertAsync(learner with { Address = address }, cancellationToken).ConfigureAwait(false);
    }
}
