namespace Beacon.Dialogs.Intents;

/// <summary>
/// The second reading of a message, by concept rather than by phrase: someone (a person, a young
/// person, or the writer) together with signs of control or exploitation anywhere in the message.
/// A strong sign (documents held, a debt, threats, sexual exploitation, forced crime or marriage)
/// needs only someone in the message; weaker signs (long hours, being driven to work, an older
/// "boyfriend", night work) need three together, or a young person named with one young-person
/// sign. Everyday idioms and work chatter ("I owe you one", "passport renewal", "stuck in traffic",
/// "an exploit in the browser", "forced myself") are taken out first, before any subject word.
/// </summary>
internal static class ConcernConcepts
{
    private const string Documents = "passport|passports|id|ids|papers|permit|permits|certificate|certificates|documents|visa|visas|card|cards";

    private static readonly PhrasePattern Someone = new($"{ConcernCues.People}|he|she|they|his|her|him|them|i|my|me|we|our|us|boyfriend|maid|pickers|starter|porter|porters|crew|family|son|daughter|adult|adults|lads|staff");

    private static readonly PhrasePattern[] YoungPerson = ConcernCues.Patterns(
        $"{ConcernCues.Young} !year|yr|years",
        "# year|yr|years|yrs ?old",
        "year|yr 7s|8s|9s|10s|11s|7|8|9|10|11",
        "teenage|underage|minors",
        "# at most",
        "hes|shes ?only #",
        "looked after kids|children");

    private static readonly PhrasePattern[] StrongSigns = ConcernCues.Patterns(
        $"hold|holds|held|holding|keep|keeps|kept|keeping|took|taken|take|takes|has|had|confiscat*|cancel|cancels ~4 {Documents}",
        $"{Documents} ~3 held|kept|taken|confiscated",
        $"{Documents} is|are with",
        "held on to ~3 id|passport|papers",
        "owe|owes|owed|owing|debt|debts|loan|loans ~4 boss|employer|agency|agent|recruiter|smuggler|smugglers|landlord|madam|owner|farm|company|store|shop|gang|them|him|her|#|thousands|never|more|flight|visa|fees",
        "work|working|pay|paying it|them off",
        "repay|repaying|repays ~3 loan|debt|debts|fee|fees",
        "end up owing",
        "charge her|him|them|us|me",
        "batter|beat|beats|beaten|shouts|flinch|flinches|hurts|hurt|punish*",
        "cancel ~2 visa|permit",
        "if he|she|they|i complain*|leave|leaves|stop|stops|refuse*|tell",
        "running|run|runs|dealing|deal|deals|sell|sells|carrying|carries drugs",
        "to deal",
        "uses ~2 place|flat|house to",
        "takes|took|keeps ~2 benefits|money|bank|card",
        "pressured|pressure|pressuring|made|forced|forcing|make|makes to marry",
        "married|marry|marriage ~4 arrang*|forced|against",
        "arranging|arranged ~4 married|marry|marriage",
        "advertised|advertising|posts|posted ~3 online|pictures|pics|photos|website",
        "pictures|pics|photos ~3 of her|him|them|website|online",
        "men message|messaging|meet",
        "tattoo|barcode|branded",
        "said it was|would be ~2 job",
        "job|work in ~3 but",
        "give|gives|hand|hands ~2 all|the money ~2 back|over|to",
        "only call|talk|speak|phone when",
        "answered|answers|answer ~2 every|all question|questions for",
        "speaks|talks|spoke|talked for her|him|them",
        "collects|collect|collected|takes|take|took ~2 their|her|his wages|pay|earnings|money|benefits",
        "will decide whether",
        "sleep|sleeps|sleeping|live|lives|living|housed ~3 floor|shifts|barn|trailer|container|containers|shed|storeroom",
        "# to a room|trailer|caravan|house|bed",
        "never see ~2 go home|leave",

        "picked up and dropped off",
        "dropped off by",

        "kept ~2 hostel|house|flat|camp",
        "paid in|with wine|food|alcohol",
        "paid a fraction",
        "fraction of ~2 pay|wages|contract",
        "takes most of ~2 wages|pay",
        "befriended",
        "cuckoo*",
        "moved into his|her|their ~1 flat|house|home",
        "at sea # years|months",
        "never seems|seem ~1 to leave|go",
        "sent by ~2 families|family|parents to");

    /// <summary>Signs that worry in numbers (three of them) or, when a young person is named, one alone.</summary>
    private static readonly PhrasePattern[] YoungSigns = ConcernCues.Patterns(
        "#am|midnight",
        "till|until late|midnight|#am",
        "school hours|days|nights",
        "during|in ~1 school hours|time|day",
        "instead of school",
        "not in|at school",
        "every night|shift|evening",
        "older men|man|lads|guys|boys",
        "for ~1 older",
        "boyfriend",
        "gives|give|gave her|him|them ~2 money|vodka|alcohol|drink|drinks|gifts|phones",
        "two|new phones",
        "going off ~3 towns|days",
        "other towns|cities",
        "takes ~1 her|him|them round",
        "working for",
        "work|works|working|worked ~2 fields",
        "look|looks very young",
        "marry|married|marriage",
        "exhausted|whispering|whispered|flinch");

    /// <summary>Signs that worry only when three come together.</summary>
    private static readonly PhrasePattern[] WeakSigns = ConcernCues.Patterns(
        "# hr|hrs|hour|hours ~1 week|weeks|day|shift",
        "# days a week",
        "every day",
        "same car|van|guy|man",
        "picks|collects them|her|him",
        "charged|charges ~4 caravan|bus|food|transport|accommodation|rent|housing",
        "sleep|sleeps|sleeping upstairs|kitchen|van",
        "no gloves",
        "from abroad|overseas",
        "maid|servant");

    /// <summary>Everyday idioms and work chatter whose words are also signs or subject words.</summary>
    private static readonly PhrasePattern[] EverydayIdioms = ConcernCues.Patterns(
        "stuck|trapped|sitting|sat in ~3 traffic|meeting|meetings|queue|lift|elevator",
        "traffic jam|jams|lights|cone|cones|report|update|warden",
        "heavy|bad|rush hour traffic",
        "exploit|exploits|exploiting ~3 browser|software|code|system|server|bug|bugs|vulnerability|patch|app|plugin|version|windows|chrome|update|feature|features|dashboard|tool|tools|data|opportunity|opportunities|advantage|gap|gaps|potential|strengths|market|loophole|weakness|weaknesses|synergies",
        "zero day|security exploit|exploits",
        "forced|force|forcing myself|yourself|ourselves|himself|herself",
        "forced to sit|listen|watch|attend",
        "force quit|restart|close|update|push|field",
        "forced|force|forcing ?to reboot|restart|update|upgrade|reset|reinstall|relog|refresh|close|quit|shut|redo|rewrite|reschedule|postpone|cancel|log|sign",
        "stuck at work|the office|home|my desk",
        "owe you|ya|u one|a|big",
        "owe ~2 email|reply|call|favour|favor|drink|coffee|lunch|apology|beer",
        "debt of gratitude",
        "owe|owes the bank",
        "owe|owes ~5 tickets|lunch|dinner|pizza|drinks|taxi|cab|quid|bucks|fiver|tenner",
        "id|security|staff|name badge|badges|lanyard",
        "update|updates|laptop|laptops|migration|release|deploy|deployment|server|printer|invoice|spreadsheet|deadline",
        "our|my|the|their deposit",
        "until|till|for the audit|meeting|review|signing",
        "stay|stayed|staying late",
        "student loan|loans",
        "passport ~2 renewal|renew|renewing|expires|expired|expiry|photo|office|application|stamp",
        "renew|renewing|lost|forgot|forgotten|left ~2 passport|id|card",
        "work late|overtime",
        "every day this week",
        "card game|games",
        "charge ~2 phone|laptop|battery");

    /// <summary>"stuck in traffic", "an exploit in the old browser", "forced myself to go to the gym", "I owe you one".</summary>
    public static bool IsEverydayIdiom(IReadOnlyList<string> words) => AnyIn(EverydayIdioms, words);

    public static bool ReadsAsConcern(IReadOnlyList<string> words)
    {
        if (IsEverydayIdiom(words) || !Someone.IsFoundIn(words))
        {
            return false;
        }

        if (AnyIn(StrongSigns, words))
        {
            return true;
        }

        var young = YoungSigns.Count(sign => sign.IsFoundIn(words));
        var weak = young + WeakSigns.Count(sign => sign.IsFoundIn(words));
        return weak >= 3 || (young >= 1 && (AnyIn(YoungPerson, words) || words.Any(IsAgeInShort)));
    }

    /// <summary>"14yo", "15yrs": an age written as one word.</summary>
    private static bool IsAgeInShort(string word)
    {
        var digits = word.TakeWhile(char.IsAsciiDigit).Count();
        return digits is 1 or 2 && word[digits..] is "yo" or "yr" or "yrs";
    }

    private static bool AnyIn(PhrasePattern[] patterns, IReadOnlyList<string> words) => patterns.Any(pattern => pattern.IsFoundIn(words));
}
