namespace Beacon.Tests.Content;

using Beacon.Training.Content;

public class ContentDirectoryTests
{
    [Fact]
    public void Configured_path_wins()
    {
        var configured = Path.Combine(Path.GetTempPath(), "somewhere", "content");

        Assert.Equal(configured, ContentDirectory.Find(configured, AppContext.BaseDirectory));
    }

    [Fact]
    public void Walks_up_to_the_folder_with_the_solution()
    {
        var found = ContentDirectory.Find(null, AppContext.BaseDirectory);

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(found)!, ContentDirectory.SolutionFile)));
        Assert.Equal(ContentDirectory.FolderName, Path.GetFileName(found));
    }

    [Fact]
    public void Falls_back_to_a_content_folder_in_the_start_directory()
    {
        var app = Directory.CreateTempSubdirectory("beacon-app-");
        try
        {
            Directory.CreateDirectory(Path.Combine(app.FullName, "content"));

            Assert.Equal(Path.Combine(app.FullName, "content"), ContentDirectory.Find(null, app.FullName));
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    [Fact]
    public void Nothing_found_is_null()
    {
        var empty = Directory.CreateTempSubdirectory("beacon-none-");
        try
        {
            // Temp is outside the repository, so no TeamsBot.sln is found walking up from it.
            Assert.Null(ContentDirectory.Find(null, empty.FullName));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
