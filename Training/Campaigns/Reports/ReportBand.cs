namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// A share at or next to 0% or 100% of a group, shown as words instead of a number: an exact 0% or
/// 100% would tell a manager everyone's answer. See <see cref="ReportPrivacy.BandOf"/>.
/// </summary>
public enum ReportBand
{
    /// <summary>Shown as a number.</summary>
    None,

    /// <summary>"none or almost none".</summary>
    NoneOrAlmostNone,

    /// <summary>"all or nearly all".</summary>
    AllOrNearlyAll,
}
