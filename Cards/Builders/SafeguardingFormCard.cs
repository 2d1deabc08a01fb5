namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// The managers' form for the organisation's safeguarding route: who the contact is, how to
/// reach them, the internal procedure, who receives handed-over concerns in Teams, and the
/// default region. Guidance shows it to everyone in the organisation.
/// </summary>
public static class SafeguardingFormCard
{
    public static AdaptiveCard Build(SafeguardingFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            Blocks.Heading("Your organisation's safeguarding contact"),
            Blocks.Paragraph("Everyone who asks Beacon how to report a concern sees this contact, after the emergency number and before the specialist line."),
            Blocks.Subtle(view.Source),
        };
        if (view.CanRemove)
        {
            // Beside the line saying where the route comes from, so the bottom row keeps its buttons whole.
            body.Add(new ActionSet([new ExecuteAction("Use the configured contact instead", SafeguardingVerbs.AskRemove) { AssociatedInputs = "none" }]));
        }

        if (view.Problems.Count > 0)
        {
            body.Add(new TextBlock("Please fix these before saving:") { Weight = "Bolder", Color = "Attention" });
            body.Add(Blocks.Bullets(view.Problems));
        }

        body.Add(new TextInput
        {
            Id = SafeguardingVerbs.NameInput,
            Label = "Contact or team",
            Value = view.Name,
            Placeholder = "For example: Safeguarding team (Sam Patel)",
            MaxLength = view.MaxName,
            IsRequired = true,
            ErrorMessage = "Give the name of the safeguarding contact or team.",
        });
        body.Add(new TextInput
        {
            Id = SafeguardingVerbs.ReachInput,
            Label = "How to reach them",
            Value = view.HowToReach,
            Placeholder = "For example: safeguarding@example.org or extension 4410",
            MaxLength = view.MaxHowToReach,
            IsRequired = true,
            ErrorMessage = "Say how people reach them.",
        });
        body.Add(new TextInput
        {
            Id = SafeguardingVerbs.ProcedureInput,
            Label = "Link to your internal procedure (optional, https)",
            Value = view.ProcedureUrl,
            Placeholder = "https://",
        });
        body.Add(new ChoiceSetInput(view.People.Select(p => new Choice(p.Name, p.AadObjectId)).ToList())
        {
            Id = SafeguardingVerbs.PeopleInput,
            Label = "Who receives concerns people hand over in Teams (optional)",
            Value = view.People.Count == 0 ? null : string.Join(',', view.People.Select(p => p.AadObjectId)),
            IsMultiSelect = true,
            ChoicesData = new DataQuery(DataQuery.OrganisationUsers),
            Placeholder = "Type a name",
        });
        body.Add(new ChoiceSetInput(view.RegionChoices.Select(r => new Choice(r.Name, r.Code)).ToList())
        {
            Id = SafeguardingVerbs.RegionInput,
            Label = "Region for the specialist line when Teams doesn't say where someone is (optional)",
            Value = view.Region,
            Style = "compact",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(
                new ExecuteAction("Save", SafeguardingVerbs.Save) { Style = "positive" },
                new ExecuteAction("Cancel", SafeguardingVerbs.Cancel) { AssociatedInputs = "none" }),
            Speak = "A form for your organisation's safeguarding contact.",
            FallbackText = "Your organisation's safeguarding contact: fill in the form and save.",
        };
    }

    /// <summary>Asks before the route set in chat is removed.</summary>
    public static AdaptiveCard ConfirmRemove(string configured) => NoticeCard.Build(
        "Remove the contact set in chat?",
        $"Guidance will show {configured} instead. Nothing else changes.",
        new ExecuteAction("Yes, remove it", SafeguardingVerbs.ConfirmRemove) { Style = "destructive", AssociatedInputs = "none" },
        new ExecuteAction("Keep it", SafeguardingVerbs.Open) { AssociatedInputs = "none" });
}
