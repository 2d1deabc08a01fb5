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
            ])
            {
                Style = "attention",
            },
            Blocks.SubHeading("1. Tell your organisation"),
            Blocks.Paragraph(guidance.Organisation is { } org
                ? $"Contact **{org.Name}**: {org.HowToReach}"
                : "Tell your organisation's designated safeguarding contact and follow your internal procedure."),
        };

        body.Add(Blocks.SubHeading($"2. Specialist help ({guidance.RegionName})"));
        foreach (var line in guidance.Lines)
        {
            body.Add(new FactSet(LineFacts(line)) { Spacing = "Small" });
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

        var actions = new List<CardAction>
        {
            new OpenUrlAction($"Call {guidance.EmergencyNumber} (emergency)", TelUri(guidance.EmergencyNumber)),
        };
        if (guidance.Organisation?.ProcedureUrl is { } procedure)
        {
            actions.Add(new OpenUrlAction("Our internal procedure", procedure));
        }

        var firstLine = guidance.Lines.Count > 0 ? guidance.Lines[0] : null;
        if (firstLine?.Phone is { } phone)
        {
            actions.Add(new OpenUrlAction($"Call {firstLine.Name}", TelUri(phone)));
        }
        else if (firstLine?.Web is { } web)
        {
            actions.Add(new OpenUrlAction($"Open {firstLine.Name}", web));
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
