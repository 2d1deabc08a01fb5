namespace Beacon.Cards.Model;

/// <summary>
/// Teams chart elements (Chart.*). Clients without charts render <see cref="Fallback"/>, which
/// Beacon always sets to a <see cref="Table"/> with the same numbers.
/// </summary>
public abstract record Chart : CardElement
{
    public string? Title { get; init; }

    /// <summary>A Teams chart palette, e.g. categorical or diverging.</summary>
    public string? ColorSet { get; init; }

    public required CardElement Fallback { get; init; }
}

/// <summary>One point: a category (or number) on the x axis and its value.</summary>
public sealed record ChartPoint(string X, double Y);

/// <summary>One bar of a single-series bar chart.</summary>
public sealed record ChartBar(string X, double Y)
{
    /// <summary>A Teams chart colour name, e.g. good, attention, categoricalBlue.</summary>
    public string? Color { get; init; }
}

/// <summary>A named series of points (a line, or one colour of a grouped bar chart).</summary>
public sealed record ChartSeries(string Legend, IReadOnlyList<ChartPoint> Values)
{
    public string? Color { get; init; }
}

public sealed record LineChart(IReadOnlyList<ChartSeries> Data) : Chart
{
    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }
}

public sealed record VerticalBarChart(IReadOnlyList<ChartBar> Data) : Chart
{
    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    public bool? ShowBarValues { get; init; }
}

public sealed record GroupedVerticalBarChart(IReadOnlyList<ChartSeries> Data) : Chart
{
    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    public bool? ShowBarValues { get; init; }
}

public sealed record HorizontalBarChart(IReadOnlyList<ChartBar> Data) : Chart
{
    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    /// <summary>AbsoluteWithAxis (default), AbsoluteNoAxis or PartToWhole.</summary>
    public string? DisplayMode { get; init; }
}

public sealed record PieSlice(string Legend, double Value)
{
    public string? Color { get; init; }
}

public sealed record PieChart(IReadOnlyList<PieSlice> Data) : Chart;

public sealed record GaugeSegment(string Legend, double Size)
{
    public string? Color { get; init; }
}

public sealed record GaugeChart(double Value) : Chart
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Percentage or Fraction.</summary>
    public string? ValueFormat { get; init; }

    public string? SubLabel { get; init; }

    public IReadOnlyList<GaugeSegment>? Segments { get; init; }
}
