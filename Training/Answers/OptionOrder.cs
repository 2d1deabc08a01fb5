namespace Beacon.Training.Answers;

using System.Text.Json;
using Beacon.Training.Content;

/// <summary>
/// The order in which one prompt showed a question's options: their ids, first shown first.
/// Stored with the issued question, so the card can be shown again the same way and an answer is
/// checked against what the learner was actually offered.
/// </summary>
public sealed class OptionOrder : IEquatable<OptionOrder>
{
    private readonly string[] ids;

    private OptionOrder(string[] ids) => this.ids = ids;

    public IReadOnlyList<string> Ids => ids;

    /// <summary>An order of the given option ids; ids must be present, distinct and non-blank.</summary>
    public static OptionOrder Of(IEnumerable<string> optionIds)
    {
        ArgumentNullException.ThrowIfNull(optionIds);
        var list = optionIds.ToArray();
        if (list.Length == 0 || list.Any(string.IsNullOrWhiteSpace) || list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("An option order needs distinct, non-blank option ids.", nameof(optionIds));
        }

        return new OptionOrder(list);
    }

    /// <summary>The order of the question in the pack (how records issued before shuffling read).</summary>
    public static OptionOrder PackOrderOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Of(question.Options.Select(o => o.Id));
    }

    /// <summary>Whether the prompt offered this option.</summary>
    public bool Offers(string optionId) => ids.Contains(optionId, StringComparer.Ordinal);

    /// <summary>
    /// The question's options in this order. An id the question no longer has (edited since the
    /// prompt was issued) is left out, and so is an option added since: neither was offered.
    /// </summary>
    public IReadOnlyList<QuestionOption> Arrange(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return [.. ids.Select(question.FindOption).OfType<QuestionOption>()];
    }

    /// <summary>The stored form: a JSON array of the ids.</summary>
    public string ToStored() => JsonSerializer.Serialize(ids);

    /// <summary>
    /// Reads <see cref="ToStored"/>; null for a record stored before options were shuffled (no
    /// order kept: it showed the pack order).
    /// </summary>
    public static OptionOrder? FromStored(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : Of(JsonSerializer.Deserialize<string[]>(stored) ?? []);

    public bool Equals(OptionOrder? other) => other is not null && ids.SequenceEqual(other.ids, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as OptionOrder);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var id in ids)
        {
            hash.Add(id, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(' ', ids);
}
