namespace Beacon.Dialogs.Reporting;

using Beacon.Training.Content;

/// <summary>
/// What guidance says besides the numbers: the opening thanks, what to note and what not to do
/// (general and per role track), and what a person disclosing about themselves should know.
/// </summary>
public static class SafetyAdvice
{
    /// <summary>The opening line for a "report" button or a bare "report": they asked how, nothing more.</summary>
    public const string ThanksForAsking = "Thank you for checking how to report a concern.";

    /// <summary>The opening line when someone describes what worries them.</summary>
    public const string ThanksForRaising = "Thank you for raising this. Here is what to do.";

    /// <summary>The opening line for a person telling Beacon about their own situation.</summary>
    public const string ThanksForTelling = "Thank you for telling me. Help is available.";

    private static readonly string[] Rights =
    [
        "What is happening is not your fault.",
        "A debt does not give anyone the right to keep you in a job or a place. You can ask for help to leave.",
        "Your passport and ID belong to you. Someone keeping them from you is a warning sign, and specialists can help.",
        "You can ask for help whatever your visa or immigration status.",
    ];

    private static readonly string[] GeneralToNote =
    [
        "What you saw and heard, with the date, time and place. Use the person's own words where you can.",
        "Anything that suggested someone else was in control: who spoke for them, who held their documents or money.",
        "What you did and who you told.",
    ];

    private static readonly string[] GeneralDoNot =
    [
        "Do not confront anyone you suspect of exploiting the person.",
        "Do not try to rescue the person or investigate yourself.",
        "Do not do anything that could put the person, or you, at risk.",
        "Do not promise to keep a secret you may need to share to keep someone safe.",
        "Do not use the person's companion as an interpreter: use a professional interpreter.",
    ];

    private static readonly Dictionary<string, string> TrackToNote = new(StringComparer.Ordinal)
    {
        [Track.Healthcare] = "Speak with the patient alone, with a professional interpreter if needed, and document your findings objectively in the record.",
        [Track.Education] = "If the person is a child, follow child-protection procedures and tell your designated safeguarding lead the same day.",
        [Track.LawEnforcement] = "Take a victim-centred approach: the person may have been forced to commit offences, and the non-punishment principle applies.",
        [Track.SocialWork] = "Screen in a safe, private setting, plan for the person's safety, and refer to specialist services with their consent where you can.",
        [Track.Community] = "Tell your manager or your organisation's safeguarding contact; they will know the next step.",
    };

    private const string ChildProtection =
        "If the person may be under 18, follow child-protection procedures: a child cannot consent to being exploited.";

    public static IReadOnlyList<string> ToNote(string? track)
    {
        var items = new List<string>();
        if (track is not null && TrackToNote.TryGetValue(track, out var specific))
        {
            items.Add(specific);
        }

        items.AddRange(GeneralToNote);
        if (track != Track.Education)
        {
            items.Add(ChildProtection);
        }

        return items;
    }

    public static IReadOnlyList<string> DoNot() => GeneralDoNot;

    /// <summary>For a person writing about themselves, in place of the professional's checklist.</summary>
    public static IReadOnlyList<string> YourRights() => Rights;
}
