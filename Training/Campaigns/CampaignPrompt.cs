namespace Beacon.Training.Campaigns;

using System.Globalization;

/// <summary>
/// The prompt id of a question a campaign sent: <c>c.{campaign}.{pre|s|post}.{yyyyMMdd}.{n}</c>. It ties an
/// answer in the log to its campaign and phase, so reports are queries over the answer log, and it is
/// deterministic, so a retried delivery records the same prompt once.
/// </summary>
public sealed record CampaignPrompt(string CampaignId, SessionPhase Phase, DateOnly LocalDate, int Index)
{
    private const string Prefix = "c.";

    public string Id => string.Join(
        '.',
        "c",
        CampaignId,
        Phase switch { SessionPhase.PreAssessment => "pre", SessionPhase.PostAssessment => "post", _ => "s" },
        LocalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        Index.ToString(CultureInfo.InvariantCulture));

    public static CampaignPrompt? TryParse(string? promptId)
    {
        if (promptId is null || !promptId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = promptId.Split('.');
        if (parts.Length != 5 || !CampaignIds.IsWellFormed(parts[1]))
        {
            return null;
        }

        SessionPhase? phase = parts[2] switch
        {
            "pre" => SessionPhase.PreAssessment,
            "s" => SessionPhase.Session,
            "post" => SessionPhase.PostAssessment,
            _ => null,
        };
        return phase is { } p &&
               DateOnly.TryParseExact(parts[3], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) &&
               int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new CampaignPrompt(parts[1], p, date, index)
            : null;
    }
}
