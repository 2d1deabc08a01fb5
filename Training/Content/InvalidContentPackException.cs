namespace Beacon.Training.Content;

using System.Text;

/// <summary>The content pack has errors; the message lists every one of them.</summary>
public sealed class InvalidContentPackException : Exception
{
    public InvalidContentPackException()
        : this("The content pack is invalid.")
    {
    }

    public InvalidContentPackException(string message)
        : base(message)
    {
        Problems = [];
        Directory = string.Empty;
    }

    public InvalidContentPackException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
        Directory = string.Empty;
    }

    public InvalidContentPackException(string directory, IReadOnlyList<ContentProblem> problems)
        : base(Describe(directory, problems))
    {
        Directory = directory;
        Problems = problems;
    }

    public string Directory { get; }

    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string Describe(string directory, IReadOnlyList<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = problems.Where(p => p.IsError).ToList();
        var text = new StringBuilder();
        text.Append("The content pack in '").Append(directory).Append("' has ")
            .Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors")
            .Append("; Beacon will not start until they are fixed (run: dotnet run --project Bot -- content validate):");
        foreach (var problem in errors)
        {
            text.AppendLine().Append("  ").Append(problem);
        }

        return text.ToString();
    }
}
