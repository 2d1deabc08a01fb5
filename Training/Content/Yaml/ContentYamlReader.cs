namespace Beacon.Training.Content.Yaml;

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

/// <summary>Reads one content file into its DTO; a syntax error becomes a problem with its line.</summary>
internal static partial class ContentYamlReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithNodeDeserializer(new DtoNodeDeserializer(), s => s.OnTop())
        .Build();

    /// <summary>
    /// The DTO, or null with a problem in <paramref name="problem"/> when the file cannot be read
    /// or is not valid YAML. An empty file gives an empty DTO.
    /// </summary>
    public static T? Read<T>(string path, string relativeFile, out ContentProblem? problem)
        where T : YamlDto, new()
    {
        problem = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = new ContentProblem(relativeFile, null, string.Empty, $"cannot read the file: {ex.Message}") { Rule = ContentRules.Files };
            return null;
        }

        try
        {
            using var reader = new StringReader(text);
            return Deserializer.Deserialize<T?>(reader) ?? new T { Line = 1 };
        }
        catch (YamlException ex)
        {
            var innermost = ex;
            while (innermost.InnerException is YamlException inner)
            {
                innermost = inner;
            }

            var line = (int)Math.Min(innermost.Start.Line, int.MaxValue);
            var message = PositionPrefix().Replace(innermost.Message, string.Empty);
            problem = new ContentProblem(relativeFile, null, string.Empty, $"the file is not valid YAML: {message}")
            {
                Rule = ContentRules.Syntax,
                Line = line > 0 ? line : null,
            };
            return null;
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
