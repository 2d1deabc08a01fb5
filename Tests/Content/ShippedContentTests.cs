namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>The pack in the repository's content/ folder is what the bot ships: it must validate.</summary>
public class ShippedContentTests
{
    [Fact]
    public void Shipped_pack_in_content_folder_is_valid()
    {
        var directory = ContentDirectory.Find(null, AppContext.BaseDirectory);
        Assert.NotNull(directory);

        var result = ContentPackLoader.Load(directory);

        Assert.True(result.IsValid, $"content/ has errors:{Environment.NewLine}{Fixtures.Describe(result.Errors)}");
    }

    [Fact]
    public void Shipped_regions_each_have_an_emergency_number_and_a_line()
    {
        var directory = ContentDirectory.Find(null, AppContext.BaseDirectory)!;

        var regionProblems = ContentPackLoader.Load(directory).Errors
            .Where(p => p.File.StartsWith("reporting/", StringComparison.Ordinal))
            .ToList();

        Assert.True(regionProblems.Count == 0, Fixtures.Describe(regionProblems));
        Assert.True(File.Exists(Path.Combine(directory, "reporting", "regions.yaml")), "content/reporting/regions.yaml is missing");
    }
}
