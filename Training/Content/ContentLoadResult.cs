namespace Beacon.Training.Content;

/// <summary>What <see cref="ContentPackLoader.Load(string, ContentLoadResult?)"/> found.</summary>
public sealed class ContentLoadResult
{
    public ContentLoadResult(
        ContentPack? pack,
        IReadOnlyList<ContentProblem> problems,
        ContentPack? partialPack = null,
        IReadOnlyDictionary<string, ContentLocation>? locations = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
        Pack = problems.Any(p => p.IsError) ? null : pack;
        PartialPack = partialPack ?? pack;
        Locations = locations ?? new Dictionary<string, ContentLocation>(StringComparer.Ordinal);
    }

    /// <summary>The pack, or null when any problem is an error.</summary>
    public ContentPack? Pack { get; }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>
    /// The items that could be read even though the pack has errors (items with an error of their
    /// own are left out); for <c>content stats</c> while a pack is being written. Never serve this.
    /// </summary>
    public ContentPack? PartialPack { get; }

    /// <summary>Where each question and refresher id was read from.</summary>
    public IReadOnlyDictionary<string, ContentLocation> Locations { get; }

    public IEnumerable<ContentProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<ContentProblem> Warnings => Problems.Where(p => !p.IsError);

    public bool IsValid => Pack is not null;
}
