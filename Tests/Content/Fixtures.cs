namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>Paths of the content fixtures copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "content");

    public static string Pack(string name) => Path.Combine(Root, name);

    public static ContentLoadResult Load(string name, ContentLoadResult? previous = null) =>
        ContentPackLoader.Load(Pack(name), previous);

    public static string Describe(IEnumerable<ContentProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => $"[{p.Rule}] {p}"));

    /// <summary>A scratch copy of a fixture pack that a test may edit; deleted on dispose.</summary>
    public static TempPack Copy(string name) => new(Pack(name));

    internal sealed class TempPack : IDisposable
    {
        public TempPack(string source)
        {
            Directory = Path.Combine(Path.GetTempPath(), "beacon-content-" + Guid.NewGuid().ToString("N"));
            foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Directory { get; }

        /// <summary>Replaces the first occurrence of <paramref name="oldText"/>.</summary>
        public void Replace(string relativeFile, string oldText, string newText)
        {
            var path = Path.Combine(Directory, relativeFile);
            var text = File.ReadAllText(path);
            var at = text.IndexOf(oldText, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{oldText}' not found in {relativeFile}");
            File.WriteAllText(path, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)));
        }

        public ContentLoadResult Load() => ContentPackLoader.Load(Directory);

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in temp is harmless.
            }
        }
    }
}
