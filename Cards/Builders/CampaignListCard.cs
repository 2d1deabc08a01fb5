namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>The tenant's campaigns with their state and, per campaign, the steps that apply now.</summary>
public static class CampaignListCard
{
    /// <summary>How many campaigns one card lists (a card must stay under Teams' size limit).</summary>
    public const int MaxShown = 10;

    public static AdaptiveCard Build(CampaignListView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Blocks.Heading("Campaigns") };
        if (view.Notice is not null)
        {
            body.Add(new TextBlock(view.Notice) { Weight = "Bolder" });
        }

        if (view.Campaigns.Count == 0)
        {
            body.Add(Blocks.Paragraph("There are no campaigns yet. Type **new campaign** to plan one, for example **new campaign every weekday at 9am for 4 weeks starting Monday**."));
        }

        body.AddRange(view.Campaigns.Take(MaxShown).Select(Item));
        if (view.Campaigns.Count > MaxShown)
        {
            body.Add(Blocks.Subtle($"Showing the newest {MaxShown} of {view.Campaigns.Count} campaigns."));
        }

        var create = new ExecuteAction("New campaign", CampaignVerbs.New) { AssociatedInputs = "none" };
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(create),
            Speak = view.Campaigns.Count == 0 ? "There are no campaigns yet." : $"{view.Campaigns.Count} campaigns.",
            FallbackText = "Campaigns: " + (view.Campaigns.Count == 0
                ? "none yet."
                : string.Join("; ", view.Campaigns.Take(MaxShown).Select(c => $"{c.Name} ({c.State})"))),
        };
    }

    /// <summary>Asks before cancelling: cancelling stops every future session and can't be undone.</summary>
    public static AdaptiveCard ConfirmCancel(string campaignId, string name)
    {
        var data = new Dictionary<string, string> { [CampaignVerbs.CampaignId] = campaignId };
        return NoticeCard.Build(
            $"Cancel {name}?",
            "No more sessions will be sent, and this can't be undone. The answers given so far stay in the report.",
            new ExecuteAction("Yes, cancel the campaign", CampaignVerbs.ConfirmCancel) { Style = "destructive", Data = data, AssociatedInputs = "none" },
            new ExecuteAction("No, keep it", CampaignVerbs.List) { AssociatedInputs = "none" });
    }

    private static Container Item(CampaignItemView item)
    {
        var data = new Dictionary<string, string> { [CampaignVerbs.CampaignId] = item.Id };
        var actions = new List<CardAction>();
        if (item.CanPause)
        {
            actions.Add(new ExecuteAction("Pause", CampaignVerbs.Pause) { Data = data, AssociatedInputs = "none" });
        }

        if (item.CanResume)
        {
            actions.Add(new ExecuteAction("Resume", CampaignVerbs.Resume) { Data = data, AssociatedInputs = "none", Style = "positive" });
        }

        if (item.CanEdit)
        {
            actions.Add(new ExecuteAction("Edit", CampaignVerbs.Edit) { Data = data, AssociatedInputs = "none" });
        }

        if (item.CanReport)
        {
            actions.Add(new ExecuteAction("Report", CampaignVerbs.Report) { Data = data, AssociatedInputs = "none" });
        }

        if (item.CanCancel)
        {
            actions.Add(new ExecuteAction("Cancel", CampaignVerbs.AskCancel) { Data = data, AssociatedInputs = "none" });
        }

        var items = new List<CardElement>
        {
            Blocks.SubHeading(item.Name),
            new FactSet([new Fact("State", item.State), new Fact("When", item.When), new Fact("Who", item.Audience)]),
        };
        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions));
        }

        return new Container(items) { Separator = true, Spacing = "Medium" };
    }
}
