namespace Beacon.Cards.Model;

using System.Text.Json.Serialization;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
[JsonDerivedType(typeof(GroupedVerticalBarChart), "Chart.VerticalBar.Grouped")]
[JsonDerivedType(typeof(HorizontalBarChart), "Chart.HorizontalBar")]
[JsonDerivedType(typeof(PieChart), "Chart.Pie")]
[JsonDerivedType(typeof(GaugeChart), "Chart.Gauge")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    public string? Size { get; init; }

    public string? Weight { get; init; }

    /// <summary>Colour never carries meaning alone: the text says it too.</summary>
    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>heading lets screen readers navigate by headings.</summary>
    public string? Style { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }

    public CardAction? SelectAction { get; init; }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    public string Type { get; init; } = "Column";

    public string? Width { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : CardElement
{
    public required string Label { get; init; }

    public string? Value { get; init; }

    /// <summary>compact (drop-down) or expanded (radio buttons).</summary>
    public string? Style { get; init; }

    /// <summary>Shown in a compact drop-down until something is chosen.</summary>
    public string? Placeholder { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : CardElement
{
    public required string Label { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record ToggleInput(string Title) : CardElement
{
    public required string Label { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}

public sealed record Image(Uri Url) : CardElement
{
    public required string AltText { get; init; }

    public string? Size { get; init; }
}

/// <summary>A table column; <see cref="Width"/> is a relative weight.</summary>
public sealed record TableColumn(int Width)
{
    public string Type { get; init; } = "TableColumnDefinition";
}

public sealed record TableCell(IReadOnlyList<CardElement> Items)
{
    public string Type { get; init; } = "TableCell";
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    public string Type { get; init; } = "TableRow";
}

public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : CardElement
{
    /// <summary>The first row is read as column headers (Teams and the renderer spell it with an s).</summary>
    public bool FirstRowAsHeaders { get; init; } = true;

    public bool ShowGridLines { get; init; } = true;
}
