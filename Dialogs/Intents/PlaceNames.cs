namespace Beacon.Dialogs.Intents;

using System.Globalization;

/// <summary>
/// Place names people type, mapped to ISO 3166 country codes: every country's English name (from
/// .NET's region data) plus the states, provinces, territories and cities people name instead of
/// their country, and common other names ("Britain", "Holland", "USA").
/// </summary>
internal static class PlaceNames
{
    private static readonly (string Country, string Names)[] Places =
    [
        ("US", "usa|united states|united states of america|america|the states|puerto rico|guam|us virgin islands|virgin islands|usvi|american samoa|northern mariana islands|mariana islands|saipan|"
            + "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|"
            + "washington dc|dc|nyc|new york city|chicago|houston|los angeles|san francisco|seattle|miami|atlanta|boston|dallas|phoenix|detroit|las vegas|new orleans|philadelphia|denver|san diego|san antonio|austin|orlando|st louis|baltimore|portland|san juan"),
        ("GB", "uk|u k|united kingdom|britain|great britain|england|scotland|wales|northern ireland|gb|"
            + "london|manchester|birmingham|glasgow|edinburgh|cardiff|belfast|liverpool|leeds|bristol|sheffield|newcastle|nottingham|leicester|coventry|aberdeen|dundee|swansea|derry|londonderry|oxford|cambridge|brighton|southampton|portsmouth|hull|bradford|kent|essex|yorkshire|lincolnshire|norfolk|cornwall"),
        ("CA", "canada|ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|labrador|prince edward island|pei|yukon|nunavut|northwest territories|"
            + "toronto|vancouver|montreal|calgary|ottawa|edmonton|winnipeg|halifax|quebec city|regina|saskatoon|mississauga|brampton|surrey bc"),
        ("AU", "australia|new south wales|nsw|victoria|queensland|qld|western australia|south australia|tasmania|northern territory|australian capital territory|"
            + "sydney|melbourne|brisbane|perth|adelaide|hobart|darwin|canberra|gold coast|cairns|townsville"),
        ("IE", "ireland|republic of ireland|eire|roi|dublin|cork|galway|limerick|waterford|kilkenny|kerry|donegal"),
        ("NZ", "new zealand|nz|aotearoa|auckland|wellington|christchurch|dunedin|queenstown|tauranga"),
        ("DE", "berlin|munich|hamburg|frankfurt|cologne"),
        ("FR", "paris|lyon|marseille|toulouse|nice"),
        ("ES", "madrid|barcelona|seville|valencia|malaga"),
        ("IT", "rome|milan|naples|turin|sicily|florence"),
        ("NL", "holland|amsterdam|rotterdam|the hague"),
        ("BE", "brussels|antwerp"),
        ("AT", "vienna"),
        ("PT", "lisbon|porto"),
        ("PL", "warsaw|krakow"),
        ("GR", "athens"),
        ("SE", "stockholm"),
        ("DK", "copenhagen"),
        ("FI", "helsinki"),
        ("CZ", "czech republic|prague"),
        ("HU", "budapest"),
        ("RO", "bucharest"),
        ("AE", "uae|dubai|abu dhabi"),
        ("IN", "mumbai|delhi|new delhi|bangalore|kolkata|chennai"),
        ("NG", "lagos|abuja"),
        ("PH", "manila"),
        ("TH", "bangkok"),
        ("QA", "doha"),
        ("SA", "riyadh|jeddah"),
        ("MX", "mexico city|tijuana|cancun"),
        ("BR", "sao paulo|rio|rio de janeiro"),
        ("KE", "nairobi"),
        ("ZA", "johannesburg|cape town|durban"),
        ("PK", "karachi|lahore"),
        ("BD", "dhaka"),
        ("NP", "kathmandu"),
        ("ID", "jakarta|bali"),
        ("CN", "beijing|shanghai"),
        ("JP", "tokyo"),
        ("RU", "russia|moscow"),
        ("TR", "turkey|istanbul"),
        ("EG", "cairo"),
        ("KR", "south korea"),
        ("KP", "north korea"),
        ("MM", "burma"),
        ("CI", "ivory coast"),
        ("VN", "vietnam"),
        ("CD", "drc|congo"),
        ("BA", "bosnia"),
        ("HK", "hong kong"),
    ];

    /// <summary>Country names that are more often a person's first name in a message.</summary>
    private static readonly string[] FirstNames = ["chad", "jordan"];

    /// <summary>Normalised name (words joined by one space) to country code; subnational names win over countries of the same name.</summary>
    public static IReadOnlyDictionary<string, string> ByName { get; } = Build();

    public static int LongestName { get; } = ByName.Keys.Max(name => name.Count(c => c == ' ') + 1);

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetter))
            {
                names.TryAdd(Key(region.EnglishName), region.TwoLetterISORegionName);
            }
        }

        foreach (var (country, list) in Places)
        {
            foreach (var name in list.Split('|'))
            {
                names[Key(name)] = country;
            }
        }

        foreach (var name in FirstNames)
        {
            names.Remove(name);
        }

        return names;
    }

    private static string Key(string name) => string.Join(' ', TextNormalizer.Words(name));
}
