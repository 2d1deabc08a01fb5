namespace Beacon.Scheduler.Sessions;

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Beacon.Scheduler.Memory;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Reviews;

/// <summary>Settings of <see cref="SessionComposer"/>.</summary>
public sealed record SessionComposerOptions
{
    /// <summary>Questions per day when <see cref="SessionRequest.Size"/> is 0 or less. Default 3.</summary>
    public int DefaultSize { get; init; } = 3;

    /// <summary>An item in review whose stability reaches this many days is retired. Default 365.</summary>
    public double RetireStabilityDays { get; init; } = 365;

    /// <summary>
    /// A retired item comes back (rarely) only once its predicted recall falls below this. With the
    /// default weights and stability 365 days that is after about three years. Default 0.8.
    /// </summary>
    public double RetiredRecallFloor { get; init; } = 0.8;

    /// <summary>How many topics a learner may meet for the first time in one session. Default 1.</summary>
    public int MaxNewTopicsPerSession { get; init; } = 1;
}

/// <summary>
/// Composes one learner's session.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Only questions of the pack for the learner's track (core plus their role track) count, or,
/// with a <see cref="SessionRequest.Filter"/>, those the filter allows; and of those only the ones
/// that apply in the learner's region (<see cref="ContentPack.RegionOf"/>), whose placeholders
/// (<see cref="Placeholders"/>) are filled for it.</item>
/// <item>Never the same item twice in the learner's local day: items answered today (from
/// <see cref="SessionRequest.Answered"/> or else <see cref="SessionRequest.Answers"/>, or a state
/// last reviewed today) are skipped. The day is the
/// calendar day in <c>Learner.TimeZone</c> (IANA), UTC when unknown.</item>
/// <item>Daily cap: a scheduled session holds <see cref="SessionRequest.Size"/> (default 3) minus the
/// items already answered today. An on-demand session (<see cref="SessionRequest.OnDemand"/>) holds
/// <see cref="SessionRequest.Size"/> regardless.</item>
/// <item>Due reviews first, lowest retrievability first. Retired items (stability at least
/// <see cref="SessionComposerOptions.RetireStabilityDays"/>) count as due only when their recall
/// falls below <see cref="SessionComposerOptions.RetiredRecallFloor"/>.</item>
/// <item>Then new items: core before track-specific; within that, topics in teaching order
/// (<see cref="Topic.OrderOf"/>). At most <see cref="SessionComposerOptions.MaxNewTopicsPerSession"/>
/// topic is met for the first time per session (it comes first, opened by its refresher card); the
/// topics already met are interleaved round-robin, least-practised topic first.</item>
/// <item>On demand, when due and new items run out: not-yet-due items (lowest retrievability
/// first), then retired items, and only as a last resort items already answered today. Composing
/// changes no state, so extra practice does not move the schedule by itself.</item>
/// <item><see cref="SessionPlan.OpeningRefresher"/>: the refresher card of the first planned topic
/// the learner meets for the first time (no answers and no reviewed state in that topic).</item>
/// </list>
/// </remarks>
public sealed class SessionComposer : ISessionComposer
{
    private static readonly ConditionalWeakTable<ContentPack, PackIndex> Indexes = [];

    private readonly IMemoryModel model;
    private readonly SessionComposerOptions options;

    public SessionComposer(IMemoryModel model)
        : this(model, new SessionComposerOptions())
    {
    }

    public SessionComposer(IMemoryModel model, SessionComposerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        this.model = model;
        this.options = options;
    }

    public SessionComposerOptions Options => options;

    /// <summary>Whether an item is retired (mastered): in review with stability at or above the bound.</summary>
    public bool IsRetired(ReviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == ReviewPhase.Review && state.Stability >= options.RetireStabilityDays;
    }

    public SessionPlan Compose(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pack = Indexes.GetValue(request.Pack, static p => new PackIndex(p));
        var track = request.Learner.Track;
        var now = request.Now;
        var day = LearnerDay.Of(now, request.Learner.TimeZone);
        var n = pack.Questions.Length;
        var region = request.Pack.RegionOf(request.Learner, request.TenantDefaultRegion);
        var eligible = request.Filter is { } filter ? pack.EligibleFor(track, region?.Code, filter) : pack.EligibleFor(track, region?.Code);

        // Per-question facts for this learner, indexed like the pack.
        var states = new ReviewState?[n];
        var answeredToday = new bool[n];
        var met = new bool[pack.TopicCount];
        var practised = new int[pack.TopicCount];
        var answeredTodayCount = 0;

        foreach (var answered in request.Answered ?? AnsweredQuestion.Summarize(request.Answers, day.Start, day.End))
        {
            if (!pack.IndexById.TryGetValue(answered.QuestionId, out var i))
            {
                continue;
            }

            met[pack.TopicIndex[i]] = true;
            if (answered.AnsweredInWindow && !answeredToday[i])
            {
                answeredToday[i] = true;
                answeredTodayCount++;
            }
        }

        foreach (var state in request.States)
        {
            if (!pack.IndexById.TryGetValue(state.QuestionId, out var i))
            {
                continue;
            }

            states[i] = state;
            if (state.Phase != ReviewPhase.New)
            {
                met[pack.TopicIndex[i]] = true;
                practised[pack.TopicIndex[i]]++;
                if (state.LastReview is { } last && day.Contains(last) && !answeredToday[i])
                {
                    answeredToday[i] = true;
                    answeredTodayCount++;
                }
            }
        }

        var size = request.Size > 0 ? request.Size : options.DefaultSize;
        var slots = request.OnDemand ? size : size - answeredTodayCount;
        if (slots <= 0)
        {
            return new SessionPlan([], null) { Region = region };
        }

        var plan = new List<int>(slots);
        var planned = new bool[n];

        // 1. Due reviews (and retired items that have faded), lowest retrievability first.
        var due = new List<(double R, DateTimeOffset Due, int Index)>();
        var notDue = request.OnDemand ? new List<(double R, DateTimeOffset Due, int Index)>() : null;
        var retired = request.OnDemand ? new List<(double R, DateTimeOffset Due, int Index)>() : null;
        for (var i = 0; i < n; i++)
        {
            var state = states[i];
            if (state is null || state.Phase == ReviewPhase.New || answeredToday[i] || !eligible[i])
            {
                continue;
            }

            var dueAt = state.Due ?? now;
            var isRetired = IsRetired(state);
            if (!isRetired && dueAt > now && !request.OnDemand)
            {
                continue;
            }

            var r = model.Retrievability(state, now);
            if (isRetired)
            {
                if (r < options.RetiredRecallFloor)
                {
                    due.Add((r, dueAt, i));
                }
                else
                {
                    retired?.Add((r, dueAt, i));
                }
            }
            else if (dueAt <= now)
            {
                due.Add((r, dueAt, i));
            }
            else
            {
                notDue?.Add((r, dueAt, i));
            }
        }

        TakeByRetrievability(due, plan, planned, slots, pack);

        // 2. New items.
        if (plan.Count < slots)
        {
            AddNewItems(pack, eligible, states, answeredToday, met, practised, plan, planned, slots);
        }

        // 3. On demand: extra practice from items not yet due, then retired ones, then (last resort) today's.
        if (request.OnDemand && plan.Count < slots)
        {
            TakeByRetrievability(notDue!, plan, planned, slots, pack);
            TakeByRetrievability(retired!, plan, planned, slots, pack);
            if (plan.Count < slots)
            {
                var today = new List<(double R, DateTimeOffset Due, int Index)>();
                for (var i = 0; i < n; i++)
                {
                    if (answeredToday[i] && !planned[i] && eligible[i])
                    {
                        var r = states[i] is { Phase: not ReviewPhase.New } s ? model.Retrievability(s, now) : 0;
                        today.Add((r, states[i]?.Due ?? now, i));
                    }
                }

                TakeByRetrievability(today, plan, planned, slots, pack);
            }
        }

        var questions = new Question[plan.Count];
        Refresher? opening = null;
        for (var k = 0; k < plan.Count; k++)
        {
            var question = pack.Questions[plan[k]];
            questions[k] = Placeholders.Fill(question, region);
            if (opening is null && !met[pack.TopicIndex[plan[k]]])
            {
                opening = pack.OpeningRefresher(question, track, region?.Code);
            }
        }

        return new SessionPlan(questions, opening is null ? null : Placeholders.Fill(opening, region)) { Region = region };
    }

    private static void TakeByRetrievability(
        List<(double R, DateTimeOffset Due, int Index)> candidates, List<int> plan, bool[] planned, int slots, PackIndex pack)
    {
        if (plan.Count >= slots || candidates.Count == 0)
        {
            return;
        }

        candidates.Sort((a, b) =>
        {
            var c = a.R.CompareTo(b.R);
            if (c == 0)
            {
                c = a.Due.CompareTo(b.Due);
            }

            return c != 0 ? c : string.CompareOrdinal(pack.Questions[a.Index].Id, pack.Questions[b.Index].Id);
        });
        foreach (var (_, _, index) in candidates)
        {
            if (plan.Count >= slots)
            {
                return;
            }

            if (!planned[index])
            {
                planned[index] = true;
                plan.Add(index);
            }
        }
    }

    private void AddNewItems(
        PackIndex pack, bool[] eligible, ReviewState?[] states, bool[] answeredToday, bool[] met, int[] practised,
        List<int> plan, bool[] planned, int slots)
    {
        var newTopicsLeft = Math.Max(0, options.MaxNewTopicsPerSession);
        var metNow = (bool[])met.Clone();

        // Core items first, then the learner's track-specific items.
        foreach (var core in new[] { true, false })
        {
            // Queues of unseen questions per topic, in pack order (pack.Order is by topic then pack position).
            var queues = new Queue<int>?[pack.TopicCount];
            foreach (var i in pack.Order)
            {
                if (pack.IsCore[i] != core || !eligible[i] || planned[i] || answeredToday[i]
                    || states[i] is { Phase: not ReviewPhase.New })
                {
                    continue;
                }

                (queues[pack.TopicIndex[i]] ??= new Queue<int>()).Enqueue(i);
            }

            // Topics in rotation: up to the allowance of first meetings (teaching order), then topics
            // already met, least practised first.
            var rotation = new List<int>();
            var metBefore = (bool[])metNow.Clone();
            for (var t = 0; t < pack.TopicCount && newTopicsLeft > 0; t++)
            {
                if (queues[t] is not null && !metNow[t])
                {
                    rotation.Add(t);
                    metNow[t] = true;
                    newTopicsLeft--;
                }
            }

            var alreadyMet = Enumerable.Range(0, pack.TopicCount)
                .Where(t => queues[t] is not null && metBefore[t])
                .OrderBy(t => practised[t])
                .ThenBy(t => t);
            rotation.AddRange(alreadyMet);

            var any = true;
            while (plan.Count < slots && any)
            {
                any = false;
                foreach (var t in rotation)
                {
                    if (plan.Count >= slots)
                    {
                        break;
                    }

                    if (queues[t] is { Count: > 0 } queue)
                    {
                        var i = queue.Dequeue();
                        planned[i] = true;
                        plan.Add(i);
                        any = true;
                    }
                }
            }

            if (plan.Count >= slots)
            {
                return;
            }
        }
    }

    /// <summary>Pack facts computed once per pack: index by id, topic index, teaching order, refreshers by topic.</summary>
    private sealed class PackIndex
    {
        public PackIndex(ContentPack pack)
        {
            Questions = [.. pack.Questions];
            IndexById = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Questions.Length; i++)
            {
                IndexById.TryAdd(Questions[i].Id, i);
            }

            var topics = Questions.Select(q => q.Topic)
                .Concat(pack.Refreshers.Select(r => r.Topic))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(Topic.OrderOf)
                .ThenBy(t => t, StringComparer.Ordinal)
                .ToList();
            TopicCount = topics.Count;
            var topicIndex = topics.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
            TopicIndex = Questions.Select(q => topicIndex[q.Topic]).ToArray();
            Order = Enumerable.Range(0, Questions.Length).OrderBy(i => TopicIndex[i]).ThenBy(i => i).ToArray();
            IsCore = Questions.Select(q => q.IsCore).ToArray();
            RefreshersByTopic = pack.Refreshers.GroupBy(r => r.Topic, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        }

        private readonly ConcurrentDictionary<(string Track, string? Region), bool[]> eligibleByTrackAndRegion = new();

        public Question[] Questions { get; }

        public bool[] IsCore { get; }

        /// <summary>Which questions are for a learner on <paramref name="track"/> (core plus the track) in <paramref name="region"/>, cached per track and region.</summary>
        public bool[] EligibleFor(string? track, string? region) =>
            eligibleByTrackAndRegion.GetOrAdd(
                (track ?? string.Empty, region),
                key => Questions.Select(q => q.IsFor(track) && q.AppliesIn(key.Region)).ToArray());

        /// <summary>Which questions <paramref name="filter"/> allows for a learner on <paramref name="track"/> in <paramref name="region"/> (not cached: filters vary).</summary>
        public bool[] EligibleFor(string? track, string? region, QuestionFilter filter) =>
            Questions.Select(q => filter.Allows(q, track) && q.AppliesIn(region)).ToArray();

        public Dictionary<string, int> IndexById { get; }

        public int TopicCount { get; }

        public int[] TopicIndex { get; }

        public int[] Order { get; }

        public Dictionary<string, Refresher[]> RefreshersByTopic { get; }

        /// <summary>The topic's refresher for the learner (their track and region): one covering the question's indicator, else a core one, else any.</summary>
        public Refresher? OpeningRefresher(Question question, string? track, string? region)
        {
            if (!RefreshersByTopic.TryGetValue(question.Topic, out var candidates))
            {
                return null;
            }

            Refresher? core = null;
            Refresher? any = null;
            foreach (var refresher in candidates)
            {
                if (!refresher.IsFor(track) || !refresher.AppliesIn(region))
                {
                    continue;
                }

                if (question.Indicator is not null && refresher.Indicators.Contains(question.Indicator, StringComparer.Ordinal))
                {
                    return refresher;
                }

                any ??= refresher;
                if (core is null && refresher.Tracks.Contains(Track.Core, StringComparer.Ordinal))
                {
                    core = refresher;
                }
            }

            return core ?? any;
        }
    }
}
