namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// How to report a concern. Order matters and is fixed: one line of thanks, immediate danger and
/// the emergency number, then the organisation's route, then the specialist line, then what to
/// note and what not to do. A person writing about themselves gets the same emergency line
/// addressed to them, then their rights, who to call and their organisation, and no checklist
/// meant for a professional.
/// </summary>
public static class GuidanceCard
{
    private const int RegionButtonsPerRow = 3;

    public static AdaptiveCard Build(GuidanceView guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var disclosure = guidance.Voice == GuidanceVoice.Disclosure;
        var emergencyLine = EmergencyLine(guidance);

        // Each call or link button sits under the step it belongs to: a row of three or four
        // buttons at the bottom does not fit a Teams card, and their titles were cut short.
        var body = new List<CardElement>();
        if (guidance.Acknowledgement is { Length: > 0 } thanks)
        {
            body.Add(new TextBlock(thanks) { Weight = "Bolder" });
        }

        body.Add(new Container(
        [
            new TextBlock(emergencyLine) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new ActionSet([new OpenUrlAction($"Call {guidance.EmergencyNumber} (emergency)", TelUri(guidance.EmergencyNumber))]),
        ])
        {
            Style = "attention",
        });

        if (guidance.RegionIsAssumed)
        {
            body.AddRange(RegionPicker(guidance, $"I don't know which country you are in, so this shows **{guidance.RegionName}**. Choose yours:"));
        }

        if (disclosure)
        {
            body.Add(Blocks.SubHeading("1. You have rights"));
            body.Add(Blocks.Bullets(guidance.YourRights));
            AddSpecialistLines(body, guidance, "2. Talk to someone who can help");
            AddOrganisation(body, guidance, "3. Your organisation", org => $"If you feel safe to, you can also tell **{org.Name}**: {org.HowToReach}",
                "If you feel safe to, you can also tell your organisation's safeguarding contact.");
            body.Add(Blocks.Subtle("You do not have to give Beacon any names or details to get help."));
        }
        else
        {
            AddOrganisation(body, guidance, "1. Tell your organisation", org => $"Contact **{org.Name}**: {org.HowToReach}",
                "Tell your organisation's designated safeguarding contact and follow your internal procedure.");
            AddSpecialistLines(body, guidance, "2. Specialist help");
            body.Add(Blocks.SubHeading("What to note"));
            body.Add(Blocks.Bullets(guidance.ToNote));
            body.Add(Blocks.SubHeading("Do not"));
            body.Add(Blocks.Bullets(guidance.DoNot));
            body.Add(Blocks.Subtle("Beacon never asks for the name or details of the person you are worried about."));
        }

        if (!guidance.RegionIsAssumed && OtherRegions(guidance).Count > 0)
        {
            body.Add(new ActionSet([new ShowCardAction($"Not in {ShortName(guidance.RegionName)}? Choose your region", new AdaptiveCard
            {
                Teams = null,
                Body = RegionPicker(guidance, "Show the numbers for:"),
            })])
            {
                Separator = true,
            });
        }

        var actions = new List<CardAction>();
        if (guidance.OfferProgressReport)
        {
            actions.Add(new ExecuteAction("Did you mean your progress report?", Verbs.Progress) { AssociatedInputs = "none" });
        }

        var spoken = disclosure
            ? $"{emergencyLine} You have rights, and the specialist line for {guidance.RegionName} can help."
            : $"{emergencyLine} Then tell your organisation's safeguarding contact, and contact the specialist line for your region.";
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern([.. actions]),
            Speak = guidance.Acknowledgement is { Length: > 0 } ack ? $"{ack} {spoken}" : spoken,
            FallbackText = emergencyLine,
        };
    }

    /// <summary>The first words of the card after the thanks: the emergency number, in the reader's own terms.</summary>
    public static string EmergencyLine(GuidanceView guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return guidance.Voice == GuidanceVoice.Disclosure
            ? $"If you are in danger now, call {guidance.EmergencyNumber}."
            : $"If anyone is in immediate danger, call {guidance.EmergencyNumber} now.";
    }

    /// <summary>A tap-to-call link: digits and a leading plus only.</summary>
    public static Uri TelUri(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var dialable = new string(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return new Uri("tel:" + dialable);
    }

    private static void AddOrganisation(
        List<CardElement> body, GuidanceView guidance, string heading, Func<OrganisationContactView, string> withContact, string withoutContact)
    {
        body.Add(Blocks.SubHeading(heading));
        body.Add(Blocks.Paragraph(guidance.Organisation is { } org ? withContact(org) : withoutContact));
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
    }

    private static void AddSpecialistLines(List<CardElement> body, GuidanceView guidance, string heading)
    {
        body.Add(Blocks.SubHeading($"{heading} ({guidance.RegionName})"));
        var confidential = guidance.Lines.Where(line => line.Confidential).Select(line => line.Name).ToList();
        if (guidance.Voice == GuidanceVoice.Disclosure && confidential.Count > 0)
        {
            body.Add(Blocks.Paragraph($"They can talk it through with you and help you stay safe. {string.Join(" and ", confidential)} {(confidential.Count == 1 ? "is" : "are")} confidential."));
        }

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
    }

    /// <summary>One button per other region, a tap each, in rows that fit a Teams card.</summary>
    private static List<CardElement> RegionPicker(GuidanceView guidance, string prompt)
    {
        var voice = guidance.Voice == GuidanceVoice.Disclosure ? nameof(GuidanceVoice.Disclosure) : null;
        var buttons = OtherRegions(guidance).Select(region => (CardAction)new ExecuteAction(ShortName(region.Name), Verbs.ReportRegion)
        {
            Data = voice is null
                ? new Dictionary<string, string> { [CardData.Region] = region.Code }
                : new Dictionary<string, string> { [CardData.Region] = region.Code, [CardData.Voice] = voice },
            Tooltip = $"Show how to get help in {region.Name}",
        });
        var picker = new List<CardElement> { Blocks.Paragraph(prompt) };
        picker.AddRange(buttons.Chunk(RegionButtonsPerRow).Select(row => new ActionSet(row) { Spacing = "Small" }));
        return picker;
    }

    private static List<RegionChoiceView> OtherRegions(GuidanceView guidance) =>
        guidance.RegionChoices.Where(region => !string.Equals(region.Code, guidance.RegionCode, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>"European Union (other member states)" fits a button as "European Union".</summary>
    private static string ShortName(string regionName)
    {
        var bracket = regionName.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 ? regionName[..bracket] : regionName;
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
