namespace Beacon.Tests.Dialogs;

using Beacon.Dialogs.Intents;

/// <summary>
/// The reporting need must be recognised however it is put (issue acceptance: at least 95% of at
/// least 60 phrasings), and everyday messages must never be mistaken for it.
/// </summary>
public class ReportingPhrasingsTests
{
    public static readonly string[] NeedsGuidance =
    [
        // Direct
        "report",
        "Report",
        "REPORT!",
        "report a concern",
        "how do I report this",
        "how do i report",
        "how can I report something",
        "I want to report something",
        "I need to report a concern",
        "where do I report trafficking",
        "reporting",
        "hotline",
        "what's the hotline number",
        "helpline",
        "trafficking hotline",
        "who do I call",
        "who should I call?",
        "who do I tell",
        "who should I contact",
        "what number do I call",
        "emergency",
        "safeguarding",
        "I have a safeguarding concern",
        "contact the safeguarding lead",
        // Indirect
        "I'm worried about a patient",
        "im worried about a student",
        "I am concerned about a client",
        "is this trafficking?",
        "could this be human trafficking",
        "I think someone is being forced to work",
        "someone is being forced to work here",
        "a girl at the hotel looks scared and someone else talks for her",
        "my neighbour's cleaner is never allowed out",
        "the boss keeps their passports",
        "he took her passport",
        "a worker told me she can't leave",
        "I think a child is being exploited",
        "someone might be in danger",
        "I think he's a victim",
        "what do I do if I suspect trafficking",
        "what should I do now",
        "I saw something suspicious at work",
        "there's a kid who says he owes money to the men he works for",
        "a patient came in with someone who wouldn't let her speak",
        "I need help",
        "help me report",
        "she says she is not allowed to leave",
        "possible modern slavery case",
        "i think this is exploitation",
        "this feels like debt bondage",
        // Misspelled
        "reprot",
        "repot a concern",
        "raport",
        "how do i reoprt this",
        "traficking",
        "trafficing?",
        "hotlien",
        "helpine",
        "who do i cal",
        "im worreid about a patient",
        "safegaurding",
        "emergancy",
        "exploitaton",
        "concren",
    ];

    public static readonly string[] Everyday =
    [
        "quiz",
        "start quiz",
        "start a quiz",
        "next question",
        "another question please",
        "help",
        "what can you do",
        "thanks",
        "thank you!",
        "ok",
        "hello",
        "hi there",
        "good morning",
        "progress report",
        "my progress report",
        "campaign report",
        "show the campaign report",
        "progress",
        "refresher",
        "learn indicators",
        "learn legal",
        "role",
        "change my role",
        "settings",
        "pause for two weeks",
        "resume",
        "campaigns",
        "new campaign",
        "my data",
        "A",
        "yes",
        "no",
        "bye",
        "what's for lunch",
    ];

    [Fact]
    public void The_phrasing_sets_are_large_enough()
    {
        Assert.True(NeedsGuidance.Length >= 60, $"{NeedsGuidance.Length} phrasings");
        Assert.True(Everyday.Length >= 30, $"{Everyday.Length} everyday messages");
    }

    [Fact]
    public void At_least_95_percent_of_reporting_phrasings_reach_guidance()
    {
        var missed = NeedsGuidance.Where(text => IntentRecognizer.Recognize(text) != Intent.Report).ToList();

        var share = 1.0 - ((double)missed.Count / NeedsGuidance.Length);
        Assert.True(share >= 0.95, $"{share:P0} reached guidance; missed: {string.Join(" | ", missed)}");
    }

    [Fact]
    public void Everyday_messages_never_reach_guidance()
    {
        var wrong = Everyday.Where(text => IntentRecognizer.Recognize(text) == Intent.Report).ToList();

        Assert.True(wrong.Count == 0, "mistaken for a concern: " + string.Join(" | ", wrong));
    }
}
