namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;

/// <summary>Small shared pieces the card builders compose.</summary>
internal static class Blocks
{
    public static TextBlock Heading(string text) => new(text) { Size = "Large", Weight = "Bolder", Style = "heading" };

    public static TextBlock SubHeading(string text) =>
        new(text) { Size = "Medium", Weight = "Bolder", Style = "heading", Spacing = "Medium" };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = "Small" };

    public static TextBlock Paragraph(string text) => new(text);

    /// <summary>A bulleted list as one text block (markdown list), so screen readers read it as a list.</summary>
    public static TextBlock Bullets(IEnumerable<string> items) =>
        new(string.Join('\n', items.Select(item => "- " + item)));

    public static TextBlock SourceLine(string title, Uri url) =>
        Subtle($"Source: [{EscapeLinkText(title)}]({url.AbsoluteUri})");

    /// <summary>A table of text with a header row; every cell wraps.</summary>
    public static Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        new(
            headers.Select((_, index) => new TableColumn(index == 0 ? 2 : 1)).ToList(),
            [.. new[] { headers }.Concat(rows).Select(cells => new TableRow(cells.Select(text => new TableCell([new TextBlock(text)])).ToList()))]);

    private static string EscapeLinkText(string text) => text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
}
