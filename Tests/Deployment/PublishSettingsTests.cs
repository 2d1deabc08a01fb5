namespace Beacon.Tests.Deployment;

using System.Xml.Linq;
using Beacon.Tests.Support;

/// <summary>The publish settings keep what the bot needs at run time.</summary>
public sealed class PublishSettingsTests
{
    [Fact]
    public void Globalization_stays_on_for_time_zones_and_trimming_stays_off()
    {
        var properties = new[] { RepositoryRoot.Combine("Directory.Build.props"), RepositoryRoot.Combine("Bot", "Bot.csproj") }
            .SelectMany(path => XDocument.Load(path).Descendants("PropertyGroup").Elements())
            .ToList();

        // Learners' schedules use IANA time zones (TimeZoneInfo), which need ICU.
        Assert.DoesNotContain(properties, p => p.Name.LocalName == "InvariantGlobalization" && p.Value.Trim() == "true");
        Assert.Contains(properties, p => p.Name.LocalName == "InvariantGlobalization" && p.Value.Trim() == "false");

        // System.Text.Json and the composition root use reflection: a trimmed app breaks at run time.
        Assert.DoesNotContain(properties, p => p.Name.LocalName is "PublishTrimmed" or "PublishAot" && p.Value.Trim() == "true");
    }
}
