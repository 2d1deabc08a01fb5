namespace Beacon.Storage.Sqlite;

using System.Collections.Concurrent;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// What a quiz turn reads about one learner (profile, review states, answered questions, recent
/// response times, issued questions), kept in memory for the learners seen last. It stays exact
/// because this process is the file's only writer (<see cref="SqliteFileOwner"/>) and every
/// committed write of a learner's rows reaches it, in commit order, before the writer's caller
/// goes on: the hot writes update it, every other write forgets the learner.
/// <para>
/// A read that misses loads from SQLite and keeps what it loaded only if no write of that learner
/// was committed meanwhile (each entry's <see cref="Entry.Stamp"/> counts them), so a load that
/// raced a write can never put older rows in front of newer ones.
/// </para>
/// </summary>
internal sealed class SqliteLearnerCache(int capacity)
{
    /// <summary>Answers kept per learner for response times; older ones are read from the file.</summary>
    internal const int RecentAnswers = 256;

    /// <summary>Issued questions kept per learner (the ones asked last).</summary>
    internal const int RecentIssued = 16;

    private readonly ConcurrentDictionary<LearnerKey, Entry> entries = new();
    private readonly ConcurrentQueue<LearnerKey> arrival = new();

    internal int Count => entries.Count;

    /// <summary>
    /// Reads a part of the learner's entry through <paramref name="read"/> (under the entry's lock:
    /// it must copy what it returns), or loads the part from the file, keeps it when no write of
    /// the learner committed during the load, and reads the loaded part.
    /// </summary>
    public async Task<TResult> ReadAsync<TPart, TResult>(
        LearnerKey learner, Func<Entry, TPart?> part, Func<Task<TPart>> load, Action<Entry, TPart> keep, Func<TPart, TResult> read)
        where TPart : class
    {
        var entry = EntryOf(learner);
        long stamp;
        lock (entry)
        {
            if (part(entry) is { } hit)
            {
                return read(hit);
            }

            stamp = entry.Stamp;
        }

        var loaded = await load().ConfigureAwait(false);
        lock (entry)
        {
            if (entry.Stamp == stamp)
            {
                keep(entry, loaded);
            }

            return read(loaded);
        }
    }

    /// <summary>A write of the learner's rows committed: <paramref name="apply"/> brings a kept entry up to date.</summary>
    public void Committed(LearnerKey learner, Action<Entry> apply)
    {
        if (!entries.TryGetValue(learner, out var entry))
        {
            return;
        }

        lock (entry)
        {
            entry.Stamp++;
            try
            {
                apply(entry);
            }
            catch
            {
                entry.Clear();
                throw;
            }
        }
    }

    /// <summary>A write the entry cannot follow committed (erasure, import, profile change): everything kept of the learner goes.</summary>
    public void Forget(LearnerKey learner) => Committed(learner, entry => entry.Clear());

    private Entry EntryOf(LearnerKey learner)
    {
        if (entries.TryGetValue(learner, out var found))
        {
            return found;
        }

        var added = false;
        var entry = entries.GetOrAdd(learner, _ =>
        {
            added = true;
            return new Entry();
        });
        if (added)
        {
            arrival.Enqueue(learner);
            // The learners seen first go first; a reader still holding a removed entry only fills an orphan.
            while (entries.Count > capacity && arrival.TryDequeue(out var oldest))
            {
                entries.TryRemove(oldest, out _);
            }
        }

        return entry;
    }

    /// <summary>One learner's kept rows; read and changed only under its own lock.</summary>
    internal sealed class Entry
    {
        /// <summary>Committed writes of this learner seen since the entry was made.</summary>
        public long Stamp { get; set; }

        /// <summary>The profile row (its <see cref="ProfileRow.Learner"/> is null when there is none).</summary>
        public ProfileRow? Profile { get; set; }

        /// <summary>Every review state of the learner, by question id.</summary>
        public Dictionary<string, ReviewState>? Reviews { get; set; }

        public AnswerLog? Answers { get; set; }

        /// <summary>Issued questions found or recorded lately, by prompt id (never a complete list).</summary>
        public Dictionary<string, IssuedQuestion> Issued { get; } = new(StringComparer.Ordinal);

        public void Clear()
        {
            Profile = null;
            Reviews = null;
            Answers = null;
            Issued.Clear();
        }

        public void KeepIssued(IssuedQuestion issued)
        {
            if (Issued.Count >= RecentIssued && !Issued.ContainsKey(issued.PromptId))
            {
                Issued.Remove(Issued.MinBy(pair => pair.Value.IssuedAt).Key);
            }

            Issued[issued.PromptId] = issued;
        }
    }

    internal sealed record ProfileRow(Learner? Learner);

    /// <summary>One answer as the log summaries need it.</summary>
    internal readonly record struct LoggedAnswer(string QuestionId, string PromptId, long AnsweredTicks, long ResponseTicks);

    /// <summary>
    /// The learner's answer log in the two forms a quiz turn reads: the instants each question was
    /// answered (all of them), and the latest <see cref="RecentAnswers"/> answers in log order
    /// (by answer instant, then prompt id), with <see cref="Complete"/> when those are the whole log.
    /// </summary>
    internal sealed class AnswerLog
    {
        private static readonly Comparer<LoggedAnswer> LogOrder = Comparer<LoggedAnswer>.Create((a, b) =>
        {
            var byTime = a.AnsweredTicks.CompareTo(b.AnsweredTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.PromptId, b.PromptId);
        });

        private readonly SortedDictionary<string, List<long>> answeredAt = new(StringComparer.Ordinal);
        private readonly List<LoggedAnswer> recent = [];

        public AnswerLog(IEnumerable<LoggedAnswer> log)
        {
            Complete = true;
            foreach (var answer in log)
            {
                Add(answer);
            }
        }

        public bool Complete { get; private set; }

        public void Add(LoggedAnswer answer)
        {
            if (!answeredAt.TryGetValue(answer.QuestionId, out var instants))
            {
                instants = [];
                answeredAt.Add(answer.QuestionId, instants);
            }

            instants.Add(answer.AnsweredTicks);
            var at = recent.BinarySearch(answer, LogOrder);
            recent.Insert(at < 0 ? ~at : at, answer);
            if (recent.Count > RecentAnswers)
            {
                recent.RemoveAt(0);
                Complete = false;
            }
        }

        public IReadOnlyList<AnsweredQuestion> Answered(long windowStart, long windowEnd) =>
            [.. answeredAt.Select(pair => new AnsweredQuestion(pair.Key, pair.Value.Exists(t => t >= windowStart && t < windowEnd)))];

        /// <summary>The store's response-time read, or null when the kept answers cannot tell it.</summary>
        public IReadOnlyList<TimeSpan>? ResponseTimesBefore(long before, string exceptPromptId, int latest)
        {
            var times = new List<TimeSpan>(latest);
            for (var i = recent.Count - 1; i >= 0 && times.Count < latest; i--)
            {
                var answer = recent[i];
                if (answer.AnsweredTicks < before && !string.Equals(answer.PromptId, exceptPromptId, StringComparison.Ordinal))
                {
                    times.Add(TimeSpan.FromTicks(answer.ResponseTicks));
                }
            }

            if (times.Count < latest && !Complete)
            {
                return null;
            }

            times.Reverse();
            return times;
        }
    }
}
