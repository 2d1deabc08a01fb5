namespace Beacon.Bot.Cli;

using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Training.Content;

/// <summary>
/// <c>manifest pack --app-id &lt;guid&gt; --out &lt;zip&gt; [--manifest-dir DIR]
/// [--website-url URL] [--privacy-url URL] [--terms-url URL] [--app-version X.Y.Z]</c>: fills the
/// placeholders in <c>manifest/manifest.json</c> and writes the Teams app package, a flat zip
/// holding exactly manifest.json, color.png and outline.png.
/// </summary>
public static class ManifestCommand
{
    public const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";
    public const string WebsiteUrlPlaceholder = "{{WEBSITE_URL}}";
    public const string PrivacyUrlPlaceholder = "{{PRIVACY_URL}}";
    public const string TermsUrlPlaceholder = "{{TERMS_URL}}";

    public const string DefaultWebsiteUrl = "https://example.org/beacon";
    public const string DefaultPrivacyUrl = "https://example.org/beacon/privacy";
    public const string DefaultTermsUrl = "https://example.org/beacon/terms";

    public const string ManifestFolder = "manifest";

    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    private const string Usage =
        "Usage: manifest pack --app-id <Microsoft App ID (GUID)> --out <package.zip> [--manifest-dir DIR] " +
        "[--website-url URL] [--privacy-url URL] [--terms-url URL] [--app-version X.Y.Z]";

    private static readonly string[] Options =
        ["--app-id", "--out", "--manifest-dir", "--website-url", "--privacy-url", "--terms-url", "--app-version"];

    // Zip entries carry a fixed time so the same inputs give the same package bytes.
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="args">The whole command line, starting with <c>manifest</c>.</param>
    /// <param name="output">Where the success line goes.</param>
    /// <param name="error">Where problems go; the exit code is non-zero then.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var rest = args is ["manifest", .. var tail] ? tail : args;
        if (rest is not ["pack", .. var optionArgs])
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!TryParseOptions(optionArgs, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var package = Pack(options);
            output.WriteLine($"Wrote {package} (manifest.json, color.png, outline.png) for app {options["--app-id"]}.");
            return 0;
        }
        catch (ManifestPackException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--website-url"] = DefaultWebsiteUrl,
            ["--privacy-url"] = DefaultPrivacyUrl,
            ["--terms-url"] = DefaultTermsUrl,
        };
        problem = string.Empty;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Options.Contains(args[i], StringComparer.Ordinal))
            {
                problem = $"Unknown option '{args[i]}'.";
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"Option {args[i]} needs a value.";
                return false;
            }

            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--app-id", out var appId))
        {
            problem = "Missing --app-id: the bot's Microsoft App ID (a GUID from its Entra app registration).";
            return false;
        }

        if (!Guid.TryParseExact(appId, "D", out var guid) || guid == Guid.Empty)
        {
            problem = $"--app-id '{appId}' is not a Microsoft App ID: expected a GUID such as 00000000-0000-0000-0000-000000000000 written with dashes (and not all zeros).";
            return false;
        }

        options["--app-id"] = guid.ToString("D", CultureInfo.InvariantCulture);

        if (!options.ContainsKey("--out"))
        {
            problem = "Missing --out: the path of the zip to write.";
            return false;
        }

        foreach (var name in new[] { "--website-url", "--privacy-url", "--terms-url" })
        {
            if (!Uri.TryCreate(options[name], UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                problem = $"{name} '{options[name]}' must be an absolute https URL.";
                return false;
            }
        }

        if (options.TryGetValue("--app-version", out var version) && !IsSemanticVersion(version))
        {
            problem = $"--app-version '{version}' must look like 1.2.3.";
            return false;
        }

        return true;
    }

    private static bool IsSemanticVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length == 3 && parts.All(part => part.Length is > 0 and <= 9 && part.All(char.IsAsciiDigit));
    }

    private static string Pack(Dictionary<string, string> options)
    {
        var directory = options.TryGetValue("--manifest-dir", out var given)
            ? InvocationDirectory.FullPath(given)
            : RepositoryFolder.Find(ManifestFolder, InvocationDirectory.Current, Environment.CurrentDirectory, AppContext.BaseDirectory)
                ?? throw new ManifestPackException($"Cannot find the {ManifestFolder} folder: run inside the repository or pass --manifest-dir.");
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new ManifestPackException($"No manifest.json in '{directory}' (use --manifest-dir).");
        }

        JsonNode manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath)) ?? throw new ManifestPackException($"{manifestPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new ManifestPackException($"{manifestPath} is not valid JSON: {ex.Message}");
        }

        var replacements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AppIdPlaceholder] = options["--app-id"],
            [WebsiteUrlPlaceholder] = options["--website-url"],
            [PrivacyUrlPlaceholder] = options["--privacy-url"],
            [TermsUrlPlaceholder] = options["--terms-url"],
        };
        Fill(manifest, replacements);
        if (options.TryGetValue("--app-version", out var version))
        {
            manifest["version"] = version;
        }

        var text = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var leftover = text.IndexOf("{{", StringComparison.Ordinal);
        if (leftover >= 0)
        {
            var end = text.IndexOf("}}", leftover, StringComparison.Ordinal);
            var name = end > leftover ? text[leftover..(end + 2)] : text[leftover..];
            throw new ManifestPackException($"manifest.json still holds the placeholder {name} after packing: no option fills it.");
        }

        var icons = new[]
        {
            (Entry: "color.png", Field: "color", Size: ColorIconSize),
            (Entry: "outline.png", Field: "outline", Size: OutlineIconSize),
        };
        var iconBytes = new List<(string Entry, byte[] Bytes)>();
        foreach (var icon in icons)
        {
            var declared = (string?)manifest["icons"]?[icon.Field];
            if (declared != icon.Entry)
            {
                throw new ManifestPackException($"manifest.json icons.{icon.Field} must be \"{icon.Entry}\" (found \"{declared}\").");
            }

            var path = Path.Combine(directory, icon.Entry);
            if (!File.Exists(path))
            {
                throw new ManifestPackException($"The icon {path} is missing.");
            }

            var bytes = File.ReadAllBytes(path);
            if (!TryReadPngSize(bytes, out var width, out var height))
            {
                throw new ManifestPackException($"{path} is not a PNG file.");
            }

            if (width != icon.Size || height != icon.Size)
            {
                throw new ManifestPackException($"{path} is {width}x{height}; Teams needs {icon.Size}x{icon.Size}.");
            }

            iconBytes.Add((icon.Entry, bytes));
        }

        var zipPath = InvocationDirectory.FullPath(options["--out"]);
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        using (var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            Write(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(text + "\n"));
            foreach (var (entry, bytes) in iconBytes)
            {
                Write(zip, entry, bytes);
            }
        }

        return zipPath;
    }

    /// <summary>Replaces placeholders inside every string value, in place.</summary>
    private static void Fill(JsonNode? node, Dictionary<string, string> replacements)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    if (Replaced(obj[key], replacements) is { } text)
                    {
                        obj[key] = text;
                    }
                    else
                    {
                        Fill(obj[key], replacements);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replaced(array[i], replacements) is { } text)
                    {
                        array[i] = text;
                    }
                    else
                    {
                        Fill(array[i], replacements);
                    }
                }

                break;
        }
    }

    private static string? Replaced(JsonNode? node, Dictionary<string, string> replacements)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        foreach (var (placeholder, replacement) in replacements)
        {
            text = text.Replace(placeholder, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    /// <summary>Reads the width and height from a PNG's IHDR chunk.</summary>
    internal static bool TryReadPngSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        width = height = 0;
        if (png.Length < 24 || !png[..8].SequenceEqual(signature) || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }

        width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[16..20]);
        height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[20..24]);
        return true;
    }

    private sealed class ManifestPackException(string message) : Exception(message);
}
