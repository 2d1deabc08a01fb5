namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// The campaign form: name, audience, tracks and topics, dates, days, time, session size,
/// assessments and nudges. What the manager's sentence did not say is left empty and named at the top.
/// </summary>
public static class CampaignFormCard
{
    public static AdaptiveCard Build(CampaignFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            Blocks.Heading(view.IsEdit ? $"Edit {view.Name}" : "New refresher campaign"),
            Blocks.Paragraph(view.IsEdit
                ? "Changes apply to sessions from tomorrow on; sessions already sent stay as they were."
                : "Check the details, then confirm. Times are each person's own local time."),
        };
        if (view.Problems.Count > 0)
        {
            body.Add(new TextBlock("Please fix these before confirming:") { Weight = "Bolder", Color = "Attention" });
            body.Add(Blocks.Bullets(view.Problems));
        }

        if (!string.IsNullOrWhiteSpace(view.Unparsed))
        {
            body.Add(new TextBlock($"I couldn't work out: \"{view.Unparsed}\". I've left those fields empty for you to fill in.")
            {
                Weight = "Bolder",
            });
        }

        body.Add(new TextInput
        {
            Id = CampaignVerbs.NameInput,
            Label = "Campaign name",
            Value = view.Name,
            Placeholder = "For example: Spring refresher",
            MaxLength = 80,
            IsRequired = true,
            ErrorMessage = "Give the campaign a name.",
        });
        body.AddRange(AudienceInputs(view));
        body.Add(new ChoiceSetInput(view.TrackChoices.Select(t => new Choice(t.DisplayName, t.Id)).ToList())
        {
            Id = CampaignVerbs.TracksInput,
            Label = "Tracks the questions come from (leave empty for each person's own track)",
            Value = Joined(view.Tracks),
            Style = "compact",
            IsMultiSelect = true,
        });
        body.Add(new ChoiceSetInput(view.TopicChoices.Select(t => new Choice(t.DisplayName, t.Id)).ToList())
        {
            Id = CampaignVerbs.TopicsInput,
            Label = "Topics (leave empty for all topics)",
            Value = Joined(view.Topics),
            Style = "compact",
            IsMultiSelect = true,
        });
        body.AddRange(ScheduleInputs(view));
        body.Add(new NumberInput
        {
            Id = CampaignVerbs.QuestionsInput,
            Label = $"Questions per session ({view.MinQuestions} to {view.MaxQuestions})",
            Value = view.QuestionsPerSession,
            Min = view.MinQuestions,
            Max = view.MaxQuestions,
            IsRequired = true,
            ErrorMessage = $"Choose between {view.MinQuestions} and {view.MaxQuestions} questions.",
        });
        if (!view.HasStarted)
        {
            body.Add(Toggle(CampaignVerbs.PreInput, "Pre-assessment", "Start with a short assessment", view.PreAssessment));
        }

        body.Add(Toggle(CampaignVerbs.PostInput, "Post-assessment", "End with the same assessment again", view.PostAssessment));
        body.Add(Toggle(CampaignVerbs.NudgesInput, "Reminders", "Remind people once if they haven't answered by the end of the day", view.Nudges));

        var confirm = new ExecuteAction(view.IsEdit ? "Save changes" : "Confirm campaign", CampaignVerbs.Confirm)
        {
            Style = "positive",
            Data = new Dictionary<string, string> { [CampaignVerbs.CampaignId] = view.CampaignId },
        };
        var list = new ExecuteAction("Back to campaigns", CampaignVerbs.List) { AssociatedInputs = "none" };
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(confirm, list),
            Speak = view.IsEdit ? $"Edit the campaign {view.Name}." : "A form for a new refresher campaign.",
            FallbackText = view.IsEdit ? $"Edit the campaign {view.Name}." : "New refresher campaign: fill in the form and confirm.",
        };
    }

    private static IEnumerable<CardElement> AudienceInputs(CampaignFormView view)
    {
        var choices = new List<Choice>();
        if (view.TeamName is not null)
        {
            choices.Add(new Choice($"Everyone in {view.TeamName}", CampaignVerbs.AudienceTeam));
        }

        choices.Add(new Choice("Everyone on the chosen tracks", CampaignVerbs.AudienceTrack));
        choices.Add(new Choice("People I pick below", CampaignVerbs.AudiencePicked));
        yield return new ChoiceSetInput(choices)
        {
            Id = CampaignVerbs.AudienceInput,
            Label = "Who takes part",
            Value = view.Audience,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = "Choose who takes part.",
        };
        yield return new ChoiceSetInput([])
        {
            Id = CampaignVerbs.PeopleInput,
            Label = "People (when you pick people)",
            Value = view.People,
            IsMultiSelect = true,
            ChoicesData = new DataQuery(DataQuery.OrganisationUsers),
            Placeholder = "Type a name",
        };
    }

    private static IEnumerable<CardElement> ScheduleInputs(CampaignFormView view)
    {
        if (view.HasStarted)
        {
            yield return Blocks.Paragraph($"Started on {view.Start}. The start date can't change now.");
        }
        else
        {
            yield return new DateInput
            {
                Id = CampaignVerbs.StartInput,
                Label = "Start date",
                Value = view.Start,
                IsRequired = true,
                ErrorMessage = "Choose the start date.",
            };
        }

        yield return new NumberInput
        {
            Id = CampaignVerbs.WeeksInput,
            Label = "How many weeks",
            Value = view.Weeks,
            Min = 1,
            Max = 52,
            IsRequired = true,
            ErrorMessage = "Say how many weeks the campaign runs (1 to 52).",
        };
        yield return new ChoiceSetInput(CampaignFormView.DayChoices.Select(d => new Choice(d.Title, d.Value)).ToList())
        {
            Id = CampaignVerbs.DaysInput,
            Label = "Days of the week",
            Value = Joined(view.Days),
            Style = "expanded",
            IsMultiSelect = true,
            IsRequired = true,
            ErrorMessage = "Pick at least one day.",
        };
        yield return new TimeInput
        {
            Id = CampaignVerbs.TimeInput,
            Label = "Time of day (each person's local time)",
            Value = view.Time,
            IsRequired = true,
            ErrorMessage = "Choose the time of day.",
        };
    }

    private static ToggleInput Toggle(string id, string label, string title, bool on) => new(title)
    {
        Id = id,
        Label = label,
        Value = on ? "true" : "false",
        ValueOn = "true",
        ValueOff = "false",
    };

    private static string? Joined(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : string.Join(',', values);
}
