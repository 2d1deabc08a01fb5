namespace Beacon.Dialogs.Campaigns;

using System.Globalization;
using System.Text.RegularExpressions;

public enum ScheduleDurationUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>How long a schedule runs ("for 4 weeks"), in calendar units: "a month" from March 3 ends on April 2.</summary>
public sealed partial record ScheduleDuration(int Amount, ScheduleDurationUnit Unit)
{
    /// <summary>The last day of a run that starts on <paramref name="start"/> (inclusive: 4 weeks from a Monday end on a Sunday).</summary>
    public DateOnly LastDayFrom(DateOnly start) => After(start, 1).AddDays(-1);

    /// <summary>The first day of a run that ends on <paramref name="end"/> (inclusive).</summary>
    public DateOnly FirstDayTo(DateOnly end) => After(end.AddDays(1), -1);

    /// <summary>Reads an ISO 8601 duration of whole days, weeks, months or years ("P4W", "P1M"), or null.</summary>
    public static ScheduleDuration? FromTimex(string? timex)
    {
        var match = timex is null ? null : TimexPattern().Match(timex);
        if (match is not { Success: true } || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        var unit = match.Groups[2].Value switch
        {
            "D" => ScheduleDurationUnit.Days,
            "W" => ScheduleDurationUnit.Weeks,
            "M" => ScheduleDurationUnit.Months,
            _ => ScheduleDurationUnit.Years,
        };
        return new ScheduleDuration(amount, unit);
    }

    private DateOnly After(DateOnly date, int sign) => Unit switch
    {
        ScheduleDurationUnit.Days => date.AddDays(sign * Amount),
        ScheduleDurationUnit.Weeks => date.AddDays(sign * Amount * 7),
        ScheduleDurationUnit.Months => date.AddMonths(sign * Amount),
        _ => date.AddYears(sign * Amount),
    };

    [GeneratedRegex(@"^P(\d{1,4})([DWMY])$", RegexOptions.CultureInvariant)]
    private static partial Regex TimexPattern();
}
