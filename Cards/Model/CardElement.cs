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
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
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

    /// <summary>Values come back comma-separated.</summary>
    public bool? IsMultiSelect { get; init; }

    /// <summary>Teams fills the choices as the user types, e.g. the people picker.</summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

/// <summary>A Teams dynamic choice source; <c>graph.microsoft.com/users</c> is the organisation's people (values are Entra object ids).</summary>
public sealed record DataQuery(string Dataset)
{
    public const string OrganisationUsers = "graph.microsoft.com/users";

    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "Data.Query";
}

/// <summary>A date, yyyy-MM-dd.</summary>
public sealed record DateInput : CardElement
{
    public required string Label { get; init; }

    public string? Value { get; init; }

    public string? Min { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A time of day, HH:mm.</summary>
public sealed record TimeInput : CardElement
{
    public required string Label { get; init; }

    public string? Value { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record NumberInput : CardElement
{
    public required string Label { get; init; }

    public double? Value { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : CardElement
{
    public required string Label { get; init; }

    public string? Value { get; init; }

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
