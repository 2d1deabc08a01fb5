namespace Beacon.Scheduler.Sessions;

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// What a learner's campaign session on one date asks, question by question, so delivery (the
/// first question) and the quiz flow ("Next question", the reminder) agree on it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The first session date opens with the pre-assessment and the last one closes with the
/// post-assessment (when switched on; a one-day campaign is the pre-assessment). Both ask the same
/// fixed items: up to <see cref="MaxAssessmentItems"/>, taken round-robin over the campaign's
/// topics in teaching order, within a topic in an order drawn from the campaign id, so everyone
/// on the same track and in the same region gets the same set (only items that apply in the
/// learner's region) and another campaign gets another one.</item>
/// <item>Any other date is an ordinary session of <see cref="Campaign.QuestionsPerSession"/>
/// questions from the <see cref="ISessionComposer"/> (spaced-repetition order) narrowed to the
/// campaign's topics and tracks. It is composed one question at a time, skipping the questions
/// already answered in this session, and it may go beyond what is due (a campaign asks every session day).</item>
/// </list>
/// </remarks>
public sealed class CampaignSessions(ContentPack pack, ISessionComposer composer)
{
    public const int MaxAssessmentItems = 8;

    private readonly ConcurrentDictionary<string, Question[]> assessments = new(StringComparer.Ordinal);

    public static SessionPhase PhaseOn(Campaign campaign, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.PreAssessment && date == campaign.FirstSessionDate ? SessionPhase.PreAssessment
            : campaign.PostAssessment && date == campaign.LastSessionDate ? SessionPhase.PostAssessment
            : SessionPhase.Session;
    }

    public static QuestionFilter FilterOf(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new QuestionFilter(campaign.Topics, campaign.Tracks);
    }

    /// <summary>
    /// The assessment items of the campaign for a learner on <paramref name="learnerTrack"/> in the
    /// region <paramref name="regionCode"/> (null: unknown, only items for everywhere), in the order they are asked.
    /// </summary>
    public IReadOnlyList<Question> AssessmentItems(Campaign campaign, string? learnerTrack, string? regionCode = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var key = string.Join('\n', campaign.Key.ToString(), learnerTrack ?? string.Empty, regionCode ?? string.Empty, string.Join(',', campaign.Topics), string.Join(',', campaign.Tracks));
        return assessments.GetOrAdd(key, _ => PickAssessment(campaign, learnerTrack, regionCode));
    }

    /// <summary>How many questions the learner's session on <paramref name="date"/> has (<paramref name="regionCode"/>: see <see cref="RegionCodeOf"/>).</summary>
    public int SizeOf(Campaign campaign, DateOnly date, string? learnerTrack, string? regionCode = null) =>
        PhaseOn(campaign, date) == SessionPhase.Session ? campaign.QuestionsPerSession : AssessmentItems(campaign, learnerTrack, regionCode).Count;

    /// <summary>
    /// The region a campaign asks the learner about: the one they chose, else their Teams country's
    /// (delivery does not know the tenant's default, so campaigns never use it).
    /// </summary>
    public string? RegionCodeOf(Learner learner) => pack.RegionOf(learner, tenantDefaultRegion: null)?.Code;

    /// <summary>
    /// The question at <paramref name="index"/> (from 0) of the learner's session on <paramref name="date"/>,
    /// or null when the session has no such question. <paramref name="answers"/> is the learner's answer log.
    /// </summary>
    public Question? QuestionAt(
        Campaign campaign, Learner learner, DateOnly date, int index, IReadOnlyList<ReviewState> states, IReadOnlyList<AnswerRecord> answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(answers);
        var region = pack.RegionOf(learner, tenantDefaultRegion: null);
        if (index < 0 || index >= SizeOf(campaign, date, learner.Track, region?.Code))
        {
            return null;
        }

        if (PhaseOn(campaign, date) != SessionPhase.Session)
        {
            return Placeholders.Fill(AssessmentItems(campaign, learner.Track, region?.Code)[index], region);
        }

        var asked = answers
            .Where(a => CampaignPrompt.TryParse(a.PromptId) is { Phase: SessionPhase.Session } p && p.CampaignId == campaign.Id && p.LocalDate == date)
            .Select(a => a.QuestionId)
            .ToHashSet(StringComparer.Ordinal);
        var plan = composer.Compose(new SessionRequest(learner, pack, states, answers, now, campaign.QuestionsPerSession + asked.Count, OnDemand: true)
        {
            Filter = FilterOf(campaign),
        });
        return plan.Questions.FirstOrDefault(q => !asked.Contains(q.Id));
    }

    private Question[] PickAssessment(Campaign campaign, string? learnerTrack, string? regionCode)
    {
        var filter = FilterOf(campaign);
        var queues = pack.Questions
            .Where(q => filter.Allows(q, learnerTrack) && q.AppliesIn(regionCode))
            .GroupBy(q => q.Topic, StringComparer.Ordinal)
            .OrderBy(g => Topic.OrderOf(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Question>(g.OrderBy(q => Draw(campaign.Id, q.Id)).ThenBy(q => q.Id, StringComparer.Ordinal)))
            .ToList();
        var items = new List<Question>(MaxAssessmentItems);
        while (items.Count < MaxAssessmentItems && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (items.Count == MaxAssessmentItems)
                {
                    break;
                }

                items.Add(queue.Dequeue());
            }
        }

        return [.. items];
    }

    /// <summary>A number fixed by the campaign and question ids, the same in every process (unlike string.GetHashCode).</summary>
    private static ulong Draw(string campaignId, string questionId) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(campaignId + "\n" + questionId)));
}
