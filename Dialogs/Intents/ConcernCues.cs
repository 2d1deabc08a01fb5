namespace Beacon.Dialogs.Intents;

/// <summary>
/// The word patterns behind <see cref="ConcernRecognizer"/>, grouped by how much context they need.
/// Measured on Tests/Fixtures/understanding (bench verb <c>understanding</c>).
/// </summary>
internal static class ConcernCues
{
    private const string Person = "her|him|them|me|us|the|kids|children|girls|boys|people|workers|women";
    private const string Held = "passport|passports|documents|document|papers|id|ids|visa|keys|phone|phones|wages|money|earnings|pay|salary";
    internal const string People = "someone|somebody|person|people|girl|girls|boy|boys|child|children|kid|kids|woman|women|man|men|lady|ladies|guy|guys|lad|lads|worker|workers|colleague|colleagues|coworker|coworkers|friend|friends|neighbour|neighbours|neighbor|neighbors|patient|patients|client|clients|student|students|pupil|pupils|guest|guests|customer|customers|staff|employee|employees|cleaner|cleaners|nanny|driver|drivers|family|families|teen|teenager|teenagers|resident|residents|tenant|tenants|member|members|carer|carers|nurse|nurses|labourer|labourers|picker|pickers|crew|mother|father|son|daughter|sister|brother|cousin|wife|husband|partner|mate|backpacker|backpackers|refugee|refugees|migrant|migrants|young";
    internal const string Young = "child|children|kid|kids|boy|boys|girl|girls|teen|teens|teenager|teenagers|pupil|pupils|student|students|lad|lads|minor|minors|son|daughter|young|old";

    /// <summary>The wish to report, judged by <see cref="ConcernRecognizer.AsksToReport"/>.</summary>
    public static readonly string[] ReportWords = ["report", "reporting", "reports"];

    /// <summary>Asking how or whom to tell: counts in any message that is not a Beacon command.</summary>
    public static readonly PhrasePattern[] Asks = Patterns(
        "hotline|helpline|hotlines|helplines",
        "who ~3 call|contact|tell|ring|phone|notify|alert|report|go|help|talk|speak",
        "who to call|contact|tell|ring",
        "who do|should|can|shall i|we !know|like|love|want|think|mean|pick|choose",
        "what|which|whats ~3 number|numbers",
        "number to|for ~2 call|report|ring",
        "what should|do|can|shall i|we ~1 do",
        "what to do",
        "need|needs help !with",
        "where can|do|should|could i|we|they|she|he ~1 get|find help|support !with",
        "get|getting help for|out",
        "help me|us|her|him|them out|escape|leave|get",
        "emergency !meeting|meetings|exit|contact|contacts|drill",
        "in danger !of",
        "at risk",
        "safeguarding",
        "call 911|999|000|112|police",
        "not|dont|doesnt feel safe",
        "unsafe");

    /// <summary>Words naming the subject itself: count unless the message is about learning or media.</summary>
    public static readonly PhrasePattern[] Topics = Patterns(
        "trafficking|trafficked|trafficker|traffickers|traffic",
        "slavery|slave|slaves|enslaved",
        "exploitation|exploited|exploiting|exploit",
        "forced|forcing|force",
        "debt bondage",
        "smuggled|smugglers|smuggler",
        "prostitution|prostituted|pimp|pimped|pimping",
        "groom|groomed|grooming",
        "victim|victims",
        "abuse|abused|abusing",
        "county lines",
        "child labour|labor",
        "bonded labour|labor");

    /// <summary>Worry about someone: counts unless negated ("no need to worry") or about Beacon itself.</summary>
    public static readonly PhrasePattern[] Worries = Patterns(
        "worried|worry|concerned|concern|uneasy !i|ill|id|im|we|it|its|that|about|the|my|our|your",
        $"worried|worry|concerned|concern|uneasy my|our|a|one ~1 {People}",
        "worried|worry|concerned|concern|uneasy about|for|that !it|the|my|our|this|your|tomorrow|today",
        $"worried|worry|concerned|concern|uneasy about|for|that the|my|our|this ~1 {People}",
        "suspect|suspicious|suspicion|suspicions !email|emails|link|links|login|call|text|message|package|parcel|website|site|charge|charges|transaction|transactions|payment",
        "scared|afraid|frightened|terrified !i|that|so|not|of",
        $"scared|afraid|frightened|terrified of ~2 {People}|boss|employer|manager|owner|supervisor|him|her|them|husband|boyfriend|agent|recruiter|family",
        "something ~1 off|wrong",
        "not right");

    /// <summary>A described situation: a person held, owing, unpaid, threatened, sold or controlled.</summary>
    public static readonly PhrasePattern[] Situations = Patterns(
        $"took|taken|take|takes|taking|keep|keeps|kept|keeping|hold|holds|held|holding|has|have|had|confiscated|confiscate|confiscates|retains|retained|controls|controlled ~3 {Held}",
        "passport|passports|documents|papers ~2 taken|confiscated|held|kept|retained|gone",
        "no passport|passports|documents|papers",
        "wont|wouldnt|doesnt|dont give ~3 back",
        $"wont|wouldnt|doesnt|dont|refuse|refuses|refused give ~3 {Held}",
        "owe|owes|owed|owing ~4 money|debt|boss|employer|agency|recruiter|recruiters|smuggler|smugglers|them|him|thousands|dollars|pounds|euros|#|fee|fees|visa|flight|flights|travel|men|man|gang|family|ticket",
        "in debt",
        "pay|pays|paid|paying ~3 back|off !you",
        "work|works|working it|them off",
        "charged ~3 fee|fees",
        "recruitment fee|fees",
        "not|never|isnt|arent|wont|cant|cannot|doesnt|dont|wouldnt ~2 allowed|let|free ~2 leave|go|out|quit|home|call|talk|speak|see|keep|use|alone",
        "never allowed",
        "cant|cannot|can't leave|quit|escape !this|early|now|yet|the",
        "cant|cannot go home|back",
        "cant|cannot get out",
        "cant|cannot see|use ?a ~1 doctor|phone",
        "cant|cannot leave the house|home|job|site|farm|factory|boat",
        "never go|goes|leave|leaves out|home|ashore|the",
        "never speaks|talks|speak|talk",
        "havent|hasnt been ashore|paid|home|allowed",
        "have|has|had to stay|earn",
        $"made|make|makes|making|forced ?{Person} ?to work|sell|sleep|meet|beg|carry|marry|stay|steal|move|have|do",
        "not|never|hasnt|havent|isnt|arent|no|without|unpaid|dont|doesnt|wont ~2 paid|pay|wages|wage|salary",
        "pays|paid|pay ~2 nothing",
        "for nothing|free",
        "paid in food",
        $"keep|keeps|kept|take|takes|took|hold|holds|controls|control ~3 money|wages|earnings|bank|cards|accounts|pay",
        "no days off",
        "no day|days off",
        "never ~2 day|days|break|breaks off",
        "give|gives|hand|hands|handing|giving ~2 money|wages|earnings|tips|pay|salary ~1 to|over",
        "work|works|working for no|little|nothing|food",
        "doesnt|dont|hasnt|havent|no longer have|has ~2 passport|passports|documents|papers|id",
        "passport|passports|documents|papers ~3 boss|employer|agency|agent|recruiter|manager|owner|landlord",
        "lock|locks|locked ~2 door|doors|gate|gates",
        "being sold|bought",
        "sold by|to|her|him|them|online",
        "selling|sells|sell ~2 her|him|girl|girls|women|children|kids|child|people|pictures|photos|them|a",
        "for money|sex",
        "with sex",
        "sleep|sleeping with ~2 men|people|others|other|older|clients",
        "have sex",
        "escort|escorts|escorting",
        "advertis* ~3 girl|girls|child|woman|women|year|her|him",
        "owns her|him|them|me",
        "locked|locks|lock ~2 in|up",
        "held|kept|keeping|holding ~2 against|captive|hostage|prisoner",
        "being held|kept",
        "kept in ?a|the flat|house|room|basement",
        "trapped !in",
        "trapped in !meetings|meeting|traffic|the|a",
        "threaten*",
        "threat|threats",
        "hurt ~2 family|kids|children|her|him|them|me|us",
        "hits|beats|beaten|beating|bruises|bruised|injuries|injured",
        "hit us|me|her|him|them",
        "deport|deported|deportation|immigration|arrested",
        "being watched",
        "took|taken ~1 phone",
        "controlled|controlling|controls",
        "speaks|talks|answers|answered|answer|talked|spoke|speak ~1 for ?the|this|that her|him|them|girl|boy|woman|child|kid|worker|women|girls|lady",
        "move|moves|moved|moving her|him|them ~3 city|town|place|house|cities|towns|hotel|hotels",
        "wont|wouldnt leave her|him|them alone",
        "# hours a|per day|week",
        "sleep|sleeps|sleeping|live|lives|living in|at|behind ~2 storeroom|container|garage|factory|site|caravan|van|car|warehouse|shed|kitchen|shop|restaurant|basement|farm|boat|back",
        "live|lives|living where ~1 work|works",
        "promised ~3 job|work|jobs ~8 abroad|overseas|but|now|instead|never|gulf|agent|locked|there",
        "abroad|overseas|taken|madam|agent|recruiter|agency ~8 promised",
        "brought here|in|over",
        "being brought|moved|driven",
        "job that didnt exist",
        "bussed|driven in|there",
        "no idea where|what ~1 town|city|she|he",
        "gang|gangmaster|gangs",
        "carry|move|sell|deliver drugs",
        "used to|by ~2 move|carry|sell|gang",
        "married off",
        "collects ~2 money");

    /// <summary>Situations that only worry when a young person is in them ("works until 2am", "not at school").</summary>
    public static readonly PhrasePattern[] YoungSituations = Patterns(
        "night|midnight|nights|#am|1am|2am|3am|4am|5am",
        "instead of school",
        "go|goes|going to school",
        "missing|misses|miss school",
        "begging|begs",
        "older man|men|guy|guys");

    public static readonly PhrasePattern YoungPerson = new($"{Young} !year|yr|years");

    public static readonly PhrasePattern Age = new("# year|yr|years|yrs ?old");

    /// <summary>The message is about studying the subject or a film or book on it: no concern, whatever it describes.</summary>
    public static readonly PhrasePattern[] StudyOrMedia = Patterns(
        "learn|learning|quiz|quizzes|refresher|module|modules|course|training|documentary|podcast|film|movie|book|novel|webinar|lesson|episode|series",
        "what is|are|counts",
        "whats the difference",
        "difference between",
        "tell me about",
        "mean|means|meaning|define|definition|legally");

    /// <summary>The message is about Beacon, learning or media, so subject words alone are no concern.</summary>
    public static readonly PhrasePattern[] LearningContext = Patterns(
        "learn|learning|quiz|quizzes|refresher|refresh|teach|explain|module|modules|course|training|session|article|documentary|question|questions|practice|lesson|topic|definition|test|exam|score|bot|app|card|podcast|film|movie|book|webinar",
        "law|laws|legislation|act|acts on|about|around|against|covering",
        "what is|are|counts",
        "whats the difference",
        "difference between",
        "tell me about");

    /// <summary>Joking tone ("my boss is making me work late again lol") turns a described situation back into chat.</summary>
    public static readonly PhrasePattern JokingTone = new("lol|haha|hahaha|lmao|rofl|jk");

    /// <summary>A worry word that is negated: "no need to worry", "not worried", "worry not".</summary>
    public static readonly PhrasePattern[] NegatedWorries = Patterns(
        "not|no|dont|never|nothing ~2 worry|worried|concerned|concern|scared|afraid",
        "worry not");

    /// <summary>Every word the cues name: such a word is itself, never a typo of another ("report" is not "deport").</summary>
    public static readonly HashSet<string> Vocabulary = new[] { Asks, Topics, Worries, Situations, YoungSituations, StudyOrMedia, LearningContext, NegatedWorries }
        .SelectMany(patterns => patterns)
        .Append(YoungPerson)
        .Append(JokingTone)
        .SelectMany(pattern => pattern.Words)
        .Concat(ReportWords)
        .ToHashSet(StringComparer.Ordinal);

    internal static PhrasePattern[] Patterns(params string[] patterns) => patterns.Select(pattern => new PhrasePattern(pattern)).ToArray();
}
