namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// How to report a concern. Order matters and is fixed: immediate danger and the emergency
/// number first, then the organisation's route, then the specialist line, then what to note and
/// what not to do.
/// </summary>
public static class GuidanceCard
{
    public static AdaptiveCard Build(GuidanceView guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);

        // Each call or link button sits under the step it belongs to: a row of three or four
        // buttons at the bottom does not fit a Teams card, and their titles were cut short.
        var body = new List<CardElement>
        {
            new Container(
            [
                new TextBlock($"If anyone is in immediate danger, call {guidance.EmergencyNumber} now.")
                {
                    Size = "Large",
                    Weight = "Bolder",
                    Style = "heading",
                },
                new ActionSet([new OpenUrlAction($"Call {guidance.EmergencyNumber} (emergency)", TelUri(guidance.EmergencyNumber))]),
            ])
            {
                Style = "attention",
            },
            Blocks.SubHeading("1. Tell your organisation"),
            Blocks.Paragraph(guidance.Organisation is { } org
                ? $"Contact **{org.Name}**: {org.HowToReach}"
                : "Tell your organisation's designated safeguarding contact and follow your internal procedure."),
        };
        var organisationActions = new List<CardAction>();
        if (guidance.Organisation?.ProcedureUrl is { } procedure)
        {
            organisationActions.Add(new OpenUrlAction("Our internal procedure", procedure));
        }

        if (guidance.CanHandOff)
        {
            organisationActions.Add(HandoffCard.ShowAction());
        }

        if (organisationActions.Count > 0)
        {
            body.Add(new ActionSet(organisationActions));
        }

        body.Add(Blocks.SubHeading($"2. Specialist help ({guidance.RegionName})"));
        foreach (var line in guidance.Lines)
        {
            body.Add(new FactSet(LineFacts(line)) { Spacing = "Small" });
            if (ReferenceEquals(line, guidance.Lines[0]) && LineButton(line) is { } button)
            {
                body.Add(new ActionSet([button]));
            }
        }

        if (guidance.RegionNotes is { Length: > 0 } notes)
        {
            body.Add(Blocks.Subtle(notes));
        }

        body.Add(Blocks.SubHeading("What to note"));
        body.Add(Blocks.Bullets(guidance.ToNote));
        body.Add(Blocks.SubHeading("Do not"));
        body.Add(Blocks.Bullets(guidance.DoNot));
        body.Add(Blocks.Subtle("Beacon never asks for the name or details of the person you are worried about."));
        if (guidance.RegionChoices.Count > 1)
        {
            body.Add(new ChoiceSetInput(guidance.RegionChoices.Select(r => new Choice(r.Name, r.Code)).ToList())
            {
                Id = CardData.Region,
                Label = "Not where you are? Choose your region",
                Value = guidance.RegionCode,
                Style = "compact",
                Separator = true,
            });
            body.Add(new ActionSet([new ExecuteAction("Show this region", Verbs.ReportRegion)]));
        }

        var actions = new List<CardAction>();
        if (guidance.OfferProgressReport)
        {
            actions.Add(new ExecuteAction("Did you mean your progress report?", Verbs.Progress) { AssociatedInputs = "none" });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern([.. actions]),
            Speak = $"If anyone is in immediate danger, call {guidance.EmergencyNumber} now. " +
                    "Then tell your organisation's safeguarding contact, and contact the specialist line for your region.",
            FallbackText = $"If anyone is in immediate danger, call {guidance.EmergencyNumber} now.",
        };
    }

    /// <summary>A tap-to-call link: digits and a leading plus only.</summary>
    public static Uri TelUri(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var dialable = new string(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return new Uri("tel:" + dialable);
    }

    /// <summary>The first line's call (or web) button; its tooltip names the service.</summary>
    private static OpenUrlAction? LineButton(GuidanceLineView line) =>
        line.Phone is { } phone ? new OpenUrlAction($"Call {phone}", TelUri(phone)) { Tooltip = $"Call {line.Name}" }
        : line.Web is { } web ? new OpenUrlAction($"Open {web.Host}", web) { Tooltip = $"Open {line.Name}" }
        : null;

    private static List<Fact> LineFacts(GuidanceLineView line)
    {
        var facts = new List<Fact> { new("Service", line.Name) };
        if (line.Phone is not null)
        {
            facts.Add(new Fact("Call", $"[{line.Phone}]({TelUri(line.Phone).OriginalString})"));
        }

        if (line.Text is not null)
        {
            facts.Add(new Fact("Text", line.Text));
        }

        if (line.Web is not null)
        {
            facts.Add(new Fact("Online", $"[{line.Web.Host}]({line.Web.AbsoluteUri})"));
        }

        if (line.Hours is not null)
        {
            facts.Add(new Fact("When", line.Hours));
        }

        return facts;
    }
}
