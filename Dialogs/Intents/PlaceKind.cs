namespace Beacon.Dialogs.Intents;

/// <summary>How a gazetteer name may be read as a place (the <c>kind</c> column of places.tsv).</summary>
public enum PlaceKind
{
    /// <summary>A country's name or short form, read in any case anywhere.</summary>
    Country,

    /// <summary>A state, province, county or region, read in any case anywhere.</summary>
    State,

    /// <summary>A city or town, read in any case anywhere.</summary>
    City,

    /// <summary>A district or neighbourhood of a city, read in any case anywhere.</summary>
    Borough,

    /// <summary>Read only when typed in capitals and in place context: "in NY", "Portland, OR".</summary>
    Abbreviation,

    /// <summary>Read only when typed in capitals ("US"; "us" is the pronoun).</summary>
    Capitals,

    /// <summary>Also a first name or a word in any case (Victoria, Georgia, Chad, turkey): read after a place preposition, or beside a place in the same country.</summary>
    AfterPreposition,

    /// <summary>Also an everyday word (Reading, Bath, Nice): read only capitalised, after a place preposition or beside a place in the same country.</summary>
    CapitalisedAfterPreposition,

    /// <summary>A phrase that holds a place name but is no place ("the Palermo Protocol", "New York Times"): read as nothing.</summary>
    NotAPlace,
}
