namespace Beacon.Training.Content;

using System.Globalization;
using System.Text;

/// <summary>
/// Coverage of a pack: questions per topic and track, per difficulty, refreshers per topic, and
/// the regions. A question for several tracks counts once in each of their columns and once in
/// the total.
/// </summary>
public sealed class ContentStats
{
    /// <summary>Targets of the first full pack (issue 3).</summary>
    public const int TargetQuestions = 150;

    public const int TargetRefreshers = 40;

    public const int TargetQuestionsPerRoleTrack = 20;

    /// <summary>An item whose last review is older than this many months is past review, unless told otherwise.</summary>
    public const int DefaultReviewMonths = 12;

    private ContentStats(ContentPack pack, DateOnly today, int reviewMonths)
    {
        Pack = pack;
        ReviewMonths = reviewMonths;
        var reviewedSince = today.AddMonths(-reviewMonths);
        var reviews = pack.Questions.Select(q => (q.Id, q.Review)).Concat(pack.Refreshers.Select(r => (r.Id, r.Review))).ToList();
        NeverReviewed = reviews.Where(r => r.Review is null).Select(r => r.Id).ToList();
        PastReview = reviews.Where(r => r.Review is { } review && review.Date < reviewedSince).Select(r => r.Id).ToList();
        QuestionCount = pack.Questions.Count;
        RefresherCount = pack.Refreshers.Count;
        QuestionsByTopicAndTrack = Topic.All.ToDictionary(
            topic => topic,
            topic => (IReadOnlyDictionary<string, int>)Track.All.ToDictionary(
                track => track,
                track => pack.Questions.Count(q => q.Topic == topic && q.Tracks.Contains(track)),
                StringComparer.Ordinal),
            StringComparer.Ordinal);
        QuestionsByTopic = Topic.All.ToDictionary(t => t, t => pack.Questions.Count(q => q.Topic == t), StringComparer.Ordinal);
        QuestionsByTrack = Track.All.ToDictionary(t => t, t => pack.Questions.Count(q => q.Tracks.Contains(t)), StringComparer.Ordinal);
        QuestionsByDifficulty = Enum.GetValues<Difficulty>().ToDictionary(d => d, d => pack.Questions.Count(q => q.Difficulty == d));
        RefreshersByTopic = Topic.All.ToDictionary(t => t, t => pack.Refreshers.Count(r => r.Topic == t), StringComparer.Ordinal);
    }

    public ContentPack Pack { get; }

    public int QuestionCount { get; }

    public int RefresherCount { get; }

    /// <summary>[topic][track] = questions of that topic listing that track.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> QuestionsByTopicAndTrack { get; }

    public IReadOnlyDictionary<string, int> QuestionsByTopic { get; }

    /// <summary>Questions listing each track (a role track's "own" questions; core is everyone's).</summary>
    public IReadOnlyDictionary<string, int> QuestionsByTrack { get; }

    public IReadOnlyDictionary<Difficulty, int> QuestionsByDifficulty { get; }

    public IReadOnlyDictionary<string, int> RefreshersByTopic { get; }

    /// <summary>The review period: an item last reviewed longer ago than this is past review.</summary>
    public int ReviewMonths { get; }

    /// <summary>Ids of questions and refreshers whose last review is older than <see cref="ReviewMonths"/> months.</summary>
    public IReadOnlyList<string> PastReview { get; }

    /// <summary>Ids of questions and refreshers with no <c>review</c> at all.</summary>
    public IReadOnlyList<string> NeverReviewed { get; }

    /// <param name="pack">The pack.</param>
    /// <param name="today">The day reviews are aged against (null: today, UTC).</param>
    /// <param name="reviewMonths">How many months a review stays current.</param>
    public static ContentStats From(ContentPack pack, DateOnly? today = null, int reviewMonths = DefaultReviewMonths)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reviewMonths);
        return new ContentStats(pack, today ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), reviewMonths);
    }

    /// <summary>Plain-text tables with fixed-width columns, for a terminal.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Questions: {QuestionCount}   Refreshers: {RefresherCount}   Regions: {Pack.Regions.Count}"));
        text.AppendLine();

        text.AppendLine("Questions per topic and track");
        var header = new List<string> { "topic" };
        header.AddRange(Track.All);
        header.Add("total");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var topic in Topic.All)
        {
            var row = new List<string> { topic };
            row.AddRange(Track.All.Select(track => Number(QuestionsByTopicAndTrack[topic][track])));
            row.Add(Number(QuestionsByTopic[topic]));
            rows.Add(row);
        }

        var totals = new List<string> { "total" };
        totals.AddRange(Track.All.Select(track => Number(QuestionsByTrack[track])));
        totals.Add(Number(QuestionCount));
        rows.Add(totals);
        AppendTable(text, header, rows);
        text.AppendLine();

        text.AppendLine("Questions per difficulty");
        AppendTable(
            text,
            ["difficulty", "questions"],
            QuestionsByDifficulty.Select(p => (IReadOnlyList<string>)[p.Key.ToString().ToLowerInvariant(), Number(p.Value)]).ToList());
        text.AppendLine();

        text.AppendLine("Refreshers per topic");
        AppendTable(
            text,
            ["topic", "refreshers"],
            Topic.All.Select(t => (IReadOnlyList<string>)[t, Number(RefreshersByTopic[t])]).ToList());
        text.AppendLine();

        text.AppendLine("Regions");
        AppendTable(
            text,
            ["code", "name", "countries", "emergency", "lines", "verified"],
            Pack.Regions.Select(r => (IReadOnlyList<string>)
            [
                r.Code + (string.Equals(r.Code, Pack.DefaultRegionCode, StringComparison.OrdinalIgnoreCase) ? " (default)" : string.Empty),
                r.Name,
                r.Countries.Count == 0 ? "-" : string.Join(" ", r.Countries),
                r.Emergency.Number,
                Number(r.Lines.Count),
                Oldest(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]).ToList());
        text.AppendLine();

        text.AppendLine(Invariant($"Review (an item last reviewed more than {ReviewMonths} months ago is past review)"));
        var items = QuestionCount + RefresherCount;
        AppendTable(
            text,
            ["review", "items"],
            [
                ["reviewed in time", Number(items - PastReview.Count - NeverReviewed.Count)],
                ["past review", Number(PastReview.Count)],
                ["never reviewed", Number(NeverReviewed.Count)],
            ]);
        AppendIds(text, "Past review", PastReview);
        AppendIds(text, "Never reviewed", NeverReviewed);
        text.AppendLine();

        text.AppendLine("Targets");
        var targets = new List<IReadOnlyList<string>>
        {
            Target("questions", QuestionCount, TargetQuestions),
            Target("refreshers", RefresherCount, TargetRefreshers),
        };
        targets.AddRange(Track.Roles.Select(track => Target($"own questions: {track}", QuestionsByTrack[track], TargetQuestionsPerRoleTrack)));
        targets.Add(Target("topics with questions", QuestionsByTopic.Count(p => p.Value > 0), Topic.All.Count));
        targets.Add(Target("topics with refreshers", RefreshersByTopic.Count(p => p.Value > 0), Topic.All.Count));
        AppendTable(text, ["target", "have", "need", "status"], targets);
        return text.ToString();
    }

    private static void AppendIds(StringBuilder text, string heading, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            text.AppendLine(heading + ": " + string.Join(", ", ids));
        }
    }

    private static IReadOnlyList<string> Target(string name, int have, int need) =>
        [name, Number(have), Number(need), have >= need ? "ok" : "below"];

    /// <summary>The oldest verified date in a region: the one to re-check first.</summary>
    private static DateOnly Oldest(ReportingRegion region) =>
        region.Lines.Select(l => l.Verified).Append(region.Emergency.Verified).Min();

    private static void AppendTable(StringBuilder text, IReadOnlyList<string> header, List<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToList(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            // First column left-aligned (names), the rest right-aligned (numbers) except free text.
            var rightAlign = i > 0 && cells[i].Length > 0 && cells[i].All(char.IsAsciiDigit);
            line.Append(rightAlign ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        text.AppendLine(line.ToString().TrimEnd());
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
