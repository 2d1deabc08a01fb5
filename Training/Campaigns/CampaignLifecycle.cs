namespace Beacon.Training.Campaigns;

/// <summary>
/// The steps a manager can take with a campaign, and when each is allowed. Dates are the
/// manager's local date; edits only ever change sessions from tomorrow on.
/// </summary>
public static class CampaignLifecycle
{
    public static CampaignChange Confirm(Campaign campaign, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status != CampaignStatus.Draft)
        {
            return CampaignChange.Refused("This campaign is already confirmed.");
        }

        var problems = CampaignRules.Validate(campaign, today);
        return problems.Count > 0
            ? CampaignChange.Refused(string.Join(" ", problems))
            : CampaignChange.To(campaign with { Status = CampaignStatus.Active, UpdatedAt = now });
    }

    public static CampaignChange Pause(Campaign campaign, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.StateOn(today) is CampaignState.Scheduled or CampaignState.Running
            ? CampaignChange.To(campaign with { Status = CampaignStatus.Paused, UpdatedAt = now })
            : CampaignChange.Refused($"Only a scheduled or running campaign can be paused; this one is {Describe(campaign, today)}.");
    }

    public static CampaignChange Resume(Campaign campaign, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.StateOn(today) == CampaignState.Paused
            ? CampaignChange.To(campaign with { Status = CampaignStatus.Active, UpdatedAt = now })
            : CampaignChange.Refused($"Only a paused campaign can be resumed; this one is {Describe(campaign, today)}.");
    }

    public static CampaignChange Cancel(Campaign campaign, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.StateOn(today) is CampaignState.Completed or CampaignState.Cancelled
            ? CampaignChange.Refused($"This campaign is already {Describe(campaign, today)}.")
            : CampaignChange.To(campaign with { Status = CampaignStatus.Cancelled, UpdatedAt = now });
    }

    /// <summary>
    /// Applies an edit made in the form. A draft can change anything. Once confirmed, sessions up
    /// to today stay as they were: the start date cannot move once the campaign has started, and
    /// the end date cannot move before today.
    /// </summary>
    public static CampaignChange Edit(Campaign current, Campaign edited, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(edited);
        var state = current.StateOn(today);
        if (state is CampaignState.Completed or CampaignState.Cancelled)
        {
            return CampaignChange.Refused($"A {Describe(current, today)} campaign can't be edited.");
        }

        // Identity, ownership and the lifecycle are not the form's to change.
        var next = edited with
        {
            TenantId = current.TenantId,
            Id = current.Id,
            CreatedBy = current.CreatedBy,
            ReportGroup = current.ReportGroup,
            CreatedAt = current.CreatedAt,
            Status = current.Status,
            ConcurrencyToken = current.ConcurrencyToken,
            UpdatedAt = now,
        };
        if (current.Status != CampaignStatus.Draft)
        {
            if (current.StartDate <= today && next.StartDate != current.StartDate)
            {
                return CampaignChange.Refused("The campaign has started, so its start date can't change.");
            }

            if (next.EndDate < today)
            {
                return CampaignChange.Refused("The end date can't be in the past.");
            }

            if (current.StartDate <= today && next.PreAssessment != current.PreAssessment)
            {
                return CampaignChange.Refused("The campaign has started, so the pre-assessment can't be switched on or off.");
            }
        }

        var problems = CampaignRules.Validate(next, current.Status == CampaignStatus.Draft ? today : DateOnly.MinValue);
        return problems.Count > 0 ? CampaignChange.Refused(string.Join(" ", problems)) : CampaignChange.To(next);
    }

    private static string Describe(Campaign campaign, DateOnly today) => campaign.StateOn(today).ToString().ToLowerInvariant();
}
