namespace Beacon.Dialogs.Campaigns;

using Beacon.Cards;
using Beacon.Dialogs.Turns;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;

/// <summary>The audience the form asked for, the people in it now, and why it can't be used (empty when it can).</summary>
public sealed record ResolvedAudience(CampaignAudience Audience, IReadOnlyList<AudienceMember> Members, IReadOnlyList<string> Problems);

/// <summary>
/// Works out who a campaign is for (the team's roster, the learners on a track, the people picked)
/// and queues their personal announcements for delivery (<c>AnnouncementRunner</c>), keeping the
/// roster ids so delivery can open a 1:1 chat with someone Beacon has not met yet.
/// </summary>
public sealed class CampaignAudiences(ILearnerStore learners)
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

    /// <summary>
    /// What a confirm (or an edit) leaves for delivery to send: the people of <paramref name="members"/> not
    /// told before, with their roster ids, added to those still pending from before. The counts carry on.
    /// </summary>
    public static CampaignAnnouncement Queue(
        IncomingTurn incoming, CampaignAnnouncement? before, IReadOnlyList<AudienceMember> members, IReadOnlyList<string> toldBefore)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(members);
        var waiting = before?.Pending ?? [];
        var added = members
            .Where(m => !toldBefore.Contains(m.LearnerId, StringComparer.Ordinal) && !waiting.Any(w => w.LearnerId == m.LearnerId))
            .DistinctBy(m => m.LearnerId, StringComparer.Ordinal)
            .ToList();
        return new CampaignAnnouncement
        {
            ServiceUrl = incoming.Address.ServiceUrl,
            ChannelId = incoming.Address.ChannelId,
            BotId = incoming.Address.BotId,
            Pending = [.. waiting, .. added],
            Told = before?.Told ?? 0,
            Total = (before?.Total ?? 0) + added.Count,
        };
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
}
