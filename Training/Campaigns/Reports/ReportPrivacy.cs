namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// The one privacy threshold of campaign reports: a figure that covers fewer than
/// <see cref="MinimumLearners"/> distinct learners is never computed into a report, a card or a CSV.
/// </summary>
public static class ReportPrivacy
{
    public const int MinimumLearners = 5;

    /// <summary>What a report says in place of a suppressed figure.</summary>
    public const string SuppressedText = "fewer than 5 learners";

    public static bool CanShow(int distinctLearners) => distinctLearners >= MinimumLearners;
}
