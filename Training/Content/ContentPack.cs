namespace Beacon.Training.Content;

using Beacon.Training.Learners;

/// <summary>The whole training pack, read once at start-up and shared read-only.</summary>
public sealed class ContentPack
{
    private readonly Dictionary<string, Question> questionsById;
    private readonly Dictionary<string, Refresher> refreshersById;
    private readonly Dictionary<string, ReportingRegion> regionsByCode;
    private readonly Dictionary<string, ReportingRegion> regionsByCountry;

    public ContentPack(
        IReadOnlyList<Question> questions,
        IReadOnlyList<Refresher> refreshers,
        IReadOnlyList<ReportingRegion> regions,
        string defaultRegionCode)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(refreshers);
        ArgumentNullException.ThrowIfNull(regions);
        Questions = questions;
        Refreshers = refreshers;
        Regions = regions;
        DefaultRegionCode = defaultRegionCode;
        questionsById = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        refreshersById = refreshers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        regionsByCode = regions.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        regionsByCountry = new Dictionary<string, ReportingRegion>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in regions)
        {
            foreach (var country in region.Countries)
            {
                regionsByCountry.TryAdd(country, region);
            }
        }
    }

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<Refresher> Refreshers { get; }

    public IReadOnlyList<ReportingRegion> Regions { get; }

    public string DefaultRegionCode { get; }

    public Question? FindQuestion(string id) => questionsById.GetValueOrDefault(id);

    public Refresher? FindRefresher(string id) => refreshersById.GetValueOrDefault(id);

    public ReportingRegion? FindRegion(string code) => regionsByCode.GetValueOrDefault(code);

    public IEnumerable<Question> QuestionsFor(string? learnerTrack) => Questions.Where(q => q.IsFor(learnerTrack));

    /// <summary>
    /// The region whose facts and numbers a learner is taught: the region they chose, else their
    /// Teams country's region, else the tenant's default region, else the pack's international
    /// fallback; null only when the pack has no regions to fall back on.
    /// </summary>
    public ReportingRegion? RegionOf(Learner learner, string? tenantDefaultRegion)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return (learner.ReportingRegion is { } chosen ? FindRegion(chosen) : null)
            ?? RegionOrFallback(learner.Country, tenantDefaultRegion);
    }

    /// <summary>
    /// The region for a learner: their Teams country, else the tenant's default region, else the
    /// pack's international fallback.
    /// </summary>
    public ReportingRegion ResolveRegion(string? country, string? tenantDefaultRegion) =>
        RegionOrFallback(country, tenantDefaultRegion) ?? regionsByCode[DefaultRegionCode];

    private ReportingRegion? RegionOrFallback(string? country, string? tenantDefaultRegion) =>
        (country is not null ? regionsByCountry.GetValueOrDefault(country) : null)
            ?? (tenantDefaultRegion is not null ? FindRegion(tenantDefaultRegion) : null)
            ?? FindRegion(DefaultRegionCode);
}
