namespace Beacon.Tests.Cards;

using System.IO.Compression;
using System.Text.Json.Nodes;
using Beacon.Bot.Cli;
using Beacon.Tests.Rendering;
using Beacon.Tests.Support;

/// <summary>`manifest pack`: the Teams app package an admin uploads.</summary>
public sealed class ManifestPackageTests : IDisposable
{
    private const string AppId = "6f1c2b9e-3a4d-4e8f-9b7a-2c5d8e1f0a3b";

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"beacon-manifest-{Guid.NewGuid():N}");

    public ManifestPackageTests() => Directory.CreateDirectory(directory);

    private string ZipPath => Path.Combine(directory, "beacon.zip");

    [Fact]
    public void The_package_holds_exactly_manifest_json_and_the_two_icons_at_its_root()
    {
        Pack();

        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_app_id_is_filled_in_everywhere_and_no_placeholder_is_left()
    {
        Pack();

        var text = ReadEntryText("manifest.json");
        var manifest = JsonNode.Parse(text)!;
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(2, text.Split(AppId).Length - 1);
    }

    [Fact]
    public void Developer_links_are_configuration_with_defaults()
    {
        Pack("--privacy-url", "https://beacon.example.net/privacy", "--website-url", "https://beacon.example.net");

        var developer = JsonNode.Parse(ReadEntryText("manifest.json"))!["developer"]!;
        Assert.Equal("https://beacon.example.net", (string?)developer["websiteUrl"]);
        Assert.Equal("https://beacon.example.net/privacy", (string?)developer["privacyUrl"]);
        Assert.Equal(ManifestCommand.DefaultTermsUrl, (string?)developer["termsOfUseUrl"]);
    }

    [Fact]
    public void The_icons_are_192_and_32_pixels_square()
    {
        Pack();

        Assert.Equal((192, 192), PngImage.ReadSize(ReadEntry("color.png")));
        Assert.Equal((32, 32), PngImage.ReadSize(ReadEntry("outline.png")));
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent_and_draws_something()
    {
        Pack();

        var outline = PngImage.Decode(ReadEntry("outline.png"));
        var pixels = outline.Pixels().ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        var opaque = pixels.Count(p => p.A == 255);
        Assert.InRange(opaque, pixels.Count / 10, pixels.Count * 3 / 4);
        Assert.Equal(0, outline[0, 0].A);
    }

    [Fact]
    public void The_colour_icon_is_opaque_on_the_accent_colour()
    {
        Pack();

        var color = PngImage.Decode(ReadEntry("color.png"));
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A));
        Assert.Equal(((byte)0x1F, (byte)0x4E, (byte)0x79, (byte)255), color[2, 2]);
        Assert.True(color.Pixels().Distinct().Count() > 4, "the colour icon is a flat fill");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("6f1c2b9e3a4d4e8f9b7a2c5d8e1f0a3b")]
    [InlineData("{6f1c2b9e-3a4d-4e8f-9b7a-2c5d8e1f0a3b}")]
    [InlineData("6f1c2b9e-3a4d-4e8f-9b7a-2c5d8e1f0a3")]
    public void A_bad_app_id_fails_with_a_clear_message_and_writes_nothing(string appId)
    {
        var (exit, _, error) = Run("manifest", "pack", "--app-id", appId, "--out", ZipPath, "--manifest-dir", RepositoryRoot.Combine("manifest"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--app-id", error, StringComparison.Ordinal);
        Assert.Contains("GUID", error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--app-id")]
    public void A_missing_required_option_fails(string missing)
    {
        var args = new List<string> { "manifest", "pack", "--manifest-dir", RepositoryRoot.Combine("manifest") };
        if (missing != "--out")
        {
            args.AddRange(["--out", ZipPath]);
        }

        if (missing != "--app-id")
        {
            args.AddRange(["--app-id", AppId]);
        }

        var (exit, _, error) = Run([.. args]);

        Assert.NotEqual(0, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public void A_plain_http_privacy_link_is_refused()
    {
        var (exit, _, error) = Run("manifest", "pack", "--app-id", AppId, "--out", ZipPath, "--manifest-dir", RepositoryRoot.Combine("manifest"), "--privacy-url", "http://example.org/privacy");

        Assert.NotEqual(0, exit);
        Assert.Contains("--privacy-url", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrongly_sized_icon_is_refused()
    {
        var manifestDir = Path.Combine(directory, "manifest");
        Directory.CreateDirectory(manifestDir);
        foreach (var file in new[] { "manifest.json", "color.png" })
        {
            File.Copy(RepositoryRoot.Combine("manifest", file), Path.Combine(manifestDir, file));
        }

        File.Copy(RepositoryRoot.Combine("manifest", "color.png"), Path.Combine(manifestDir, "outline.png"));

        var (exit, _, error) = Run("manifest", "pack", "--app-id", AppId, "--out", ZipPath, "--manifest-dir", manifestDir);

        Assert.NotEqual(0, exit);
        Assert.Contains("outline.png is 192x192; Teams needs 32x32", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packed_manifest_passes_the_official_Teams_schema_validator()
    {
        Pack();
        var manifestPath = Path.Combine(directory, "manifest.json");
        await File.WriteAllBytesAsync(manifestPath, ReadEntry("manifest.json"));

        var run = await NodeScript.RunAsync("validate-manifest.js", [manifestPath], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"validator exit {run.ExitCode}: {run.Output} {run.Error}");
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal("1.24", (string?)report["manifestVersion"]);
        Assert.Empty(report["errors"]!.AsArray());
    }

    [Fact]
    public async Task The_validator_rejects_the_unfilled_template()
    {
        var run = await NodeScript.RunAsync("validate-manifest.js", [RepositoryRoot.Combine("manifest", "manifest.json")], TimeSpan.FromMinutes(1));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(JsonNode.Parse(run.Output)!["errors"]!.AsArray(), e => ((string?)e)!.StartsWith("/id ", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_lists_offer_the_learner_and_manager_commands_within_Teams_limits()
    {
        var bot = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("manifest", "manifest.json")))!["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Superset(new HashSet<string> { "quiz", "report", "progress", "help", "settings" }, Titles(lists, "personal"));
        Assert.Superset(new HashSet<string> { "report", "help", "new campaign", "campaigns", "campaign report" }, Titles(lists, "team"));
        Assert.Equal(Titles(lists, "team"), Titles(lists, "groupChat"));
        Assert.All(lists, list =>
        {
            Assert.InRange(list!["commands"]!.AsArray().Count, 1, 10);
            Assert.All(list["commands"]!.AsArray(), command =>
            {
                Assert.InRange(((string)command!["title"]!).Length, 1, 32);
                Assert.InRange(((string)command["description"]!).Length, 1, 128);
            });
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static HashSet<string> Titles(JsonArray lists, string scope) =>
        lists.Where(list => list!["scopes"]!.AsArray().Any(s => (string?)s == scope))
            .SelectMany(list => list!["commands"]!.AsArray().Select(command => (string)command!["title"]!))
            .ToHashSet(StringComparer.Ordinal);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ManifestCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private void Pack(params string[] extra)
    {
        var (exit, output, error) = Run(["manifest", "pack", "--app-id", AppId, "--out", ZipPath, "--manifest-dir", RepositoryRoot.Combine("manifest"), .. extra]);
        Assert.True(exit == 0, error);
        Assert.Contains(ZipPath, output, StringComparison.Ordinal);
    }

    private byte[] ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string ReadEntryText(string name) => System.Text.Encoding.UTF8.GetString(ReadEntry(name));
}
