namespace Beacon.Dialogs.Intents;

using Beacon.Training.Content;

/// <summary>What "learn &lt;words&gt;" asked for: a topic, or one refresher card named by its title.</summary>
public sealed record TopicMatch(string Topic, Refresher? Refresher);

/// <summary>
/// Every name a topic goes by on Beacon's cards and in conversation: the internal name
/// ("indicators"), the display name cards show ("Signs to notice"), everyday synonyms ("red flags",
/// "law"), and the refresher cards' titles ("Debt bondage"). Case and punctuation never matter;
/// words of six letters or more may have a typo.
/// </summary>
public sealed class TopicNames
{
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        [Topic.Definition] = ["definition", "definitions", "what is trafficking", "what is human trafficking", "human trafficking", "meaning of trafficking", "basics", "the basics", "modern slavery"],
        [Topic.Forms] = ["forms", "types", "types of trafficking", "kinds of trafficking", "forms of exploitation", "types of exploitation", "labour trafficking", "labor trafficking", "sex trafficking", "sexual exploitation", "forced labour", "forced labor", "debt bondage", "domestic servitude", "criminal exploitation", "forced marriage"],
        [Topic.Indicators] = ["signs", "indicators", "warning signs", "red flags", "signs of trafficking", "signs of exploitation", "indicators of trafficking", "spotting the signs", "how to spot it", "spotting trafficking"],
        [Topic.Impact] = ["impact", "effects", "harm", "trauma", "health effects", "impact of trafficking", "effects of trafficking"],
        [Topic.Legal] = ["law", "laws", "legal", "rights", "the law", "legislation", "trafficking law", "legal rights", "victims rights"],
        [Topic.Responding] = ["responding", "response", "respond", "how to respond", "what to do", "safety", "responding to a disclosure", "disclosure"],
        [Topic.Collaboration] = ["collaboration", "working together", "referral", "referrals", "partners", "multi agency", "multi agency working", "national referral mechanism", "nrm"],
        [Topic.Resources] = ["resources", "help", "get help", "getting help", "support", "hotlines", "hotline", "helplines", "helpline", "where to report"],
    };

    /// <summary>Words a name and a request may differ by: "signs of trafficking" and "signs trafficking" are one name.</summary>
    private static readonly HashSet<string> Linking = new(StringComparer.Ordinal) { "the", "a", "an", "of", "and", "to", "on", "about", "in", "for", "is" };

    private const int TypoFromLength = 6;

    private readonly List<(IReadOnlyList<string> Words, TopicMatch Match)> names = [];

    public TopicNames(ContentPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);

        // Card titles first: "learn debt bondage" is that card, not any refresher of its topic.
        foreach (var refresher in pack.Refreshers)
        {
            Add(refresher.Title, new TopicMatch(refresher.Topic, refresher));
        }

        foreach (var topic in Topic.All)
        {
            var match = new TopicMatch(topic, null);
            Add(topic, match);
            Add(Topic.DisplayName(topic), match);
            foreach (var synonym in Synonyms.GetValueOrDefault(topic) ?? [])
            {
                Add(synonym, match);
            }
        }
    }

    /// <summary>
    /// The topic or card <paramref name="asked"/> names: a whole name first (titles before topic
    /// names), else the longest name the request contains ("signs of trafficking at work" is signs);
    /// null when it names none.
    /// </summary>
    public TopicMatch? Find(string asked)
    {
        var words = Core(TextNormalizer.Words(asked));
        if (words.Count == 0)
        {
            return null;
        }

        var whole = names.FirstOrDefault(name => name.Words.Count == words.Count && SameWords(words, 0, name.Words));
        if (whole.Match is not null)
        {
            return whole.Match;
        }

        return names
            .Where(name => name.Words.Count <= words.Count && Enumerable.Range(0, words.Count - name.Words.Count + 1).Any(start => SameWords(words, start, name.Words)))
            .OrderByDescending(name => name.Words.Sum(word => word.Length))
            .Select(name => name.Match)
            .FirstOrDefault();
    }

    private void Add(string name, TopicMatch match)
    {
        var words = Core(TextNormalizer.Words(name));
        if (words.Count > 0)
        {
            names.Add((words, match));
        }
    }

    private static List<string> Core(IReadOnlyList<string> words) => words.Where(word => !Linking.Contains(word)).ToList();

    private static bool SameWords(List<string> words, int start, IReadOnlyList<string> name)
    {
        for (var k = 0; k < name.Count; k++)
        {
            var word = words[start + k];
            var target = name[k];
            if (word != target && !(target.Length >= TypoFromLength && EditDistance.IsCloseTo(word, target)))
            {
                return false;
            }
        }

        return true;
    }
}
