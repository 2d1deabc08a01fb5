namespace Beacon.Tests.Rendering;

/// <summary>Debian's Chromium, which the rendering tests drive through playwright-core.</summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The browser's path (CHROMIUM overrides it); fails with the fix when it is missing.</summary>
    public static string RequirePath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {path}. The card rendering tests need Debian's Chromium: " +
                "`apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation` (.ci/run does this), " +
                "or set CHROMIUM to another Chromium binary.");
        }

        return path;
    }
}
