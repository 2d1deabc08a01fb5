namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>
/// The fixture right-longest/ is valid/ plus ten education questions whose right option is the
/// longest: the validator warns for the education track and for the whole pack, and the pack
/// still loads.
/// </summary>
public class RightLongestTests
{
    private const string LongestFile = "questions/longest.yaml";

    [Fact]
    public void Track_over_forty_percent_is_a_warning_naming_track_and_share()
    {
        var result = Fixtures.Load(ContentRules.RightLongest);

        var warnings = result.Problems.Where(p => p.Rule == ContentRules.RightLongest).ToList();
        Assert.Equal(result.Problems.Count, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((ContentSeverity.Warning, "questions/", (string?)null), (w.Severity, w.File, w.ItemId)));
        var education = Assert.Single(warnings, w => w.Field == "tracks[education]");
        Assert.Contains("11 of 11 questions (100%)", education.Message, StringComparison.Ordinal);
        var all = Assert.Single(warnings, w => w.Field == "correct");
        Assert.Contains("16 of 18 questions (89%)", all.Message, StringComparison.Ordinal);
        Assert.Equal(2, warnings.Count);
        Assert.True(result.IsValid);
        Assert.NotNull(result.Pack);
    }

    [Fact]
    public void Tracks_with_fewer_than_ten_questions_are_not_judged()
    {
        var result = Fixtures.Load("valid");

        Assert.DoesNotContain(result.Problems, p => p.Rule == ContentRules.RightLongest);
    }

    [Fact]
    public void Track_at_forty_percent_passes()
    {
        using var pack = Fixtures.Copy(ContentRules.RightLongest);
        // Seven of the eleven education questions get a wrong option longer than the right one: 4 of 11 (36%) stay.
        string[] wrong = ["A normal friendship.", "Ask him to return them.", "Ask the men who they are.", "A private matter.", "Mark him absent.", "Shyness only.", "Ask the parents."];
        foreach (var text in wrong)
        {
            pack.Replace(LongestFile, "text: " + text + "\n", "text: " + text.TrimEnd('.') + ", and leave it to the family and the pupil to sort out between themselves.\n");
        }

        var warnings = pack.Load().Problems.Where(p => p.Rule == ContentRules.RightLongest).ToList();

        Assert.DoesNotContain(warnings, w => w.Field == "tracks[education]");
        Assert.Contains("9 of 18 questions (50%)", Assert.Single(warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_option_as_long_as_the_right_one_means_the_right_one_is_not_the_longest()
    {
        using var pack = Fixtures.Copy(ContentRules.RightLongest);
        const string Right = "A possible grooming sign to pass to the safeguarding lead today.";
        pack.Replace(LongestFile, "text: A normal friendship.\n", "text: " + new string('x', Right.Length) + "\n");

        var education = Assert.Single(pack.Load().Problems, p => p.Field == "tracks[education]");

        Assert.Contains("10 of 11 questions", education.Message, StringComparison.Ordinal);
    }
}
