namespace Beacon.Dialogs.Intents;

using System.Text.RegularExpressions;

/// <summary>
/// Tells a person writing about themselves ("they took my passport and I can't leave") from
/// someone writing about another person ("my patient told me they took her passport"). Cheap
/// word patterns over normalised text: it runs on every concern, before any store call.
/// </summary>
public static partial class FirstPersonDisclosure
{
    public static bool IsFirstPerson(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count == 0)
        {
            return false;
        }

        var normalised = " " + string.Join(' ', words) + " ";
        // Both at once ("her boss won't let me see her") is read as about someone else: the
        // professional's card still names the specialist line, the personal one would talk past them.
        return AboutMe().IsMatch(normalised) && !AboutSomeoneElse().IsMatch(normalised);
    }

    /// <summary>The writer is the one controlled, held, indebted or unpaid.</summary>
    [GeneratedRegex(
        @" (took|take|taken|takes|taking|keep|keeps|kept|keeping|has|have|had|hold|holds|held|holding|stole|stolen|confiscated|got|hid|hide|hides|destroyed|burnt|burned) (all )?(my|our) " + Belongings +
        @"|(boss|employer|manager|agent|supervisor|landlord|owner|recruiter|sponsor|madam|pimp|husband|family|they)s? (still )?(has|have|keeps|kept|took|holds|held|is keeping|is holding|are keeping|are holding|wont give back|wont return|locked up|stole) (my|our) " +
        @"| (my|our) " + Belongings + @"(is |are |was |were |has been |have been |got )(taken|kept|held|confiscated|stolen|locked)" +
        @"| (wont|dont|doesnt|didnt|never|not|will not|do not|does not|did not) (let|letting|allow|allowing) (me|us) " +
        @"| (i|we|im|iam) (cant|cannot|can not|couldnt|am not able to|m not able to|am not allowed to|not allowed to|have no way to|dont know how to) (leave|go|quit|get out|escape|go home|stop|run|change job|see my|call my|contact my|talk to|speak to)" +
        @"| (im|i am|iam) (not allowed|not free|being forced|forced|being made|made to|being kept|kept|being held|held|locked|trapped|stuck|being watched|not paid|being sold|being threatened|threatened|scared to leave|afraid to leave|in debt|a victim|a slave|being exploited|exploited|being trafficked|trafficked)" +
        @"| (i|we) (owe|owed|have to pay|had to pay|must pay|need to pay|still owe|am paying|keep paying) " +
        @"| (make|makes|made|making|force|forces|forced|forcing|threaten|threatens|threatened|threatening|lock|locks|locked|locking|beat|beats|hit|hits|sold|sell|sells|selling|trafficked|smuggled|pay|pays|paid|paying) (me|us) " +
        @"| (i|we) (have|havent|hasnt|have not|had|hadnt) (not )?(been|never been|no) (paid|pay|wages|money)" +
        @"| (i|we) (sleep|live|stay|am living|are living) (at|in) (work|the shop|the restaurant|the farm|the site|the factory|the salon|the office|the kitchen|the warehouse|the building|the back)" +
        @"| (wont|dont|doesnt|didnt|never|not|refuse to|refuses to|refused to) (give|return|hand) (me |us )?(back )?(my|our) " + Belongings +
        @"| (threaten|threatens|threatened|threatening|hurt|hurts|harm) (my|our) (family|kids|children|parents|mother|mum|mom|father|dad|son|daughter)" +
        @"| (i|we) (have to|must|am made to|are made to|am forced to|are forced to) work " +
        @"| (i|we) (will|would|might|could) (be|get) (arrested|deported|killed|hurt|punished|beaten|sent back)" +
        @"| (i|we) (dont|do not|never) feel safe" +
        @"| (am i|are we) (a victim|victims|being trafficked|trafficked|being exploited|exploited|a slave)" +
        @"| (save me|get me out|rescue me) ",
        RegexOptions.CultureInvariant)]
    private static partial Regex AboutMe();

    private const string Belongings =
        @"(passport|passports|id|ids|identity card|documents|docs|papers|visa|visas|permit|work permit|phone|phones|bank card|card|wages|pay|salary|money|earnings|tips) ";

    /// <summary>Someone else is the one in the situation: he or she, a reported "they", or a relayed account.</summary>
    [GeneratedRegex(
        @" (took|take|taken|takes|keep|keeps|kept|has|have|had|hold|holds|held|stole|confiscated|got) (all )?(her|his|their) " + Belongings +
        @"| (let|letting|allow|allowing|make|makes|made|force|forces|forced|threaten|threatens|threatened|lock|locks|locked|pay|pays|paid|beat|beats|sell|sells|sold|keep|keeps) (her|him|them) " +
        @"| (she|he|shes|hes) (cant|cannot|can not|couldnt|owes|works|lives|sleeps|seems|looks|appears|isnt allowed|wasnt allowed|is not allowed|is being|was being|is forced|was forced|is made|was made|is kept|is scared|is afraid|is only|was only|is underage|is a minor|has to|had to) " +
        @"| (they|she|he) (are|were|is|was) (not allowed|being|forced|kept|held|scared|afraid|trapped)" +
        @"| (told|tells|telling|mentioned|disclosed|said|says|saying|explained|admitted|confided) (me |us )?(that )?(she|he|they|her|his|their) " +
        @"| (told|tells) (me|us) about ",
        RegexOptions.CultureInvariant)]
    private static partial Regex AboutSomeoneElse();
}
