namespace Beacon.Tests.Cards;

using System.Text.RegularExpressions;
using Beacon.Cards.Catalogue;
using Beacon.Dialogs.Reporting;
using Beacon.Tests.Support;
using Beacon.Training.Content;

public partial class CardCatalogueTests
{
    [Fact]
    public void Names_are_unique_and_safe_as_file_names()
    {
        var names = CardCatalogue.All.Select(entry => entry.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches(FileName(), name));
    }

    [Fact]
    public void The_catalogue_holds_every_kind_of_card_Beacon_sends()
    {
        var names = CardCatalogue.All.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "welcome", "role-choice", "track-saved", "question", "feedback-correct", "feedback-wrong-sure",
                "refresher", "help", "help-not-understood", "notice-could-not-save",
            },
            names);
    }

    [Fact]
    public void There_is_a_guidance_card_for_every_region_in_the_content()
    {
        var pack = ContentPackLoader.LoadOrThrow(RepositoryRoot.Combine("content"));
        var names = CardCatalogue.All.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(pack.Regions);
        Assert.All(pack.Regions, region => Assert.Contains("guidance-" + region.Code.ToLowerInvariant(), names));
        Assert.Equal(pack.Regions.Select(region => region.Code), CatalogueSamples.Guidance.Select(sample => sample.Code));
    }

    [Fact]
    public void Guidance_samples_carry_the_real_numbers_and_lines_from_regions_yaml()
    {
        var pack = ContentPackLoader.LoadOrThrow(RepositoryRoot.Combine("content"));

        foreach (var (code, view) in CatalogueSamples.Guidance)
        {
            var region = pack.FindRegion(code) ?? throw new Xunit.Sdk.XunitException($"regions.yaml has no region {code}");
            Assert.Equal(region.Name, view.RegionName);
            Assert.Equal(region.Emergency.Number, view.EmergencyNumber);
            Assert.Equal(region.Notes, view.RegionNotes);
            Assert.Equal(
                region.Lines.Select(line => (line.Name, line.Phone, line.Text, line.Web, line.Hours)),
                view.Lines.Select(line => (line.Name, line.Phone, line.Text, line.Web, line.Hours)));
        }
    }

    [Fact]
    public void Guidance_samples_open_and_speak_as_Beacon_does()
    {
        Assert.All(CatalogueSamples.Guidance, sample => Assert.Equal(SafetyAdvice.ThanksForRaising, sample.View.Acknowledgement));
        Assert.Equal(SafetyAdvice.ThanksForAsking, CatalogueSamples.GuidanceForBareReport.Acknowledgement);
        Assert.Equal(SafetyAdvice.ThanksForTelling, CatalogueSamples.GuidanceForDisclosure.Acknowledgement);
        Assert.Equal(SafetyAdvice.YourRights(), CatalogueSamples.GuidanceForDisclosure.YourRights);
    }

    [Fact]
    public void Guidance_samples_give_the_advice_Beacon_gives_a_healthcare_learner()
    {
        Assert.All(CatalogueSamples.Guidance, sample =>
        {
            Assert.Equal(SafetyAdvice.ToNote(Track.Healthcare), sample.View.ToNote);
            Assert.Equal(SafetyAdvice.DoNot(), sample.View.DoNot);
        });
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex FileName();
}
