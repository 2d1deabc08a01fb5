namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// The privacy rules of campaign reports: a figure that covers fewer than <see cref="MinimumLearners"/>
/// distinct learners is never computed into a report, a card or a CSV; and a share whose part, or whose
/// remainder, is at most <see cref="BandMargin"/> is shown as a band, so "everyone got it wrong" and
/// "everyone but one got it wrong" read the same.
/// </summary>
public static class ReportPrivacy
{
    public const int MinimumLearners = 5;

    /// <summary>How many answers (or people) away from 0% or 100% a share is still shown as a band.</summary>
    public const int BandMargin = 1;

    /// <summary>What a report says in place of a suppressed figure.</summary>
    public const string SuppressedText = "fewer than 5 learners";

    public const string NoneOrAlmostNoneText = "none or almost none";

    public const string AllOrNearlyAllText = "all or nearly all";

    public static bool CanShow(int distinctLearners) => distinctLearners >= MinimumLearners;

    /// <summary>The band of <paramref name="part"/> out of <paramref name="whole"/>; <see cref="ReportBand.None"/> when shown as a number.</summary>
    public static ReportBand BandOf(int part, int whole, ReportDetail detail) =>
        detail == ReportDetail.Exact ? ReportBand.None
        : part <= BandMargin ? ReportBand.NoneOrAlmostNone
        : whole - part <= BandMargin ? ReportBand.AllOrNearlyAll
        : ReportBand.None;

    /// <summary>The words for a band; null for <see cref="ReportBand.None"/>.</summary>
    public static string? Text(ReportBand band) => band switch
    {
        ReportBand.NoneOrAlmostNone => NoneOrAlmostNoneText,
        ReportBand.AllOrNearlyAll => AllOrNearlyAllText,
        _ => null,
    };
}
