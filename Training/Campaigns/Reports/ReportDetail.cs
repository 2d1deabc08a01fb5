namespace Beacon.Training.Campaigns.Reports;

/// <summary>How exactly a report may show shares at the ends of the scale.</summary>
public enum ReportDetail
{
    /// <summary>Shares at or next to 0% and 100% are shown as a <see cref="ReportBand"/>.</summary>
    Banded,

    /// <summary>Every share as a number: only for tenants that turned individual results on (they see each person's answers anyway).</summary>
    Exact,
}
