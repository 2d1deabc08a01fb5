namespace Beacon.Cards.Catalogue;

using Beacon.Cards.Builders;
using Beacon.Cards.Views;

/// <summary>
/// Realistic sample data for the <see cref="CardCatalogue"/>. The reporting regions copy
/// <c>content/reporting/regions.yaml</c> and the safety advice Beacon gives a healthcare learner;
/// a test fails when they drift apart.
/// </summary>
public static class CatalogueSamples
{
    public static IReadOnlyList<TrackView> Tracks { get; } =
    [
        new("law-enforcement", "Law enforcement"),
        new("healthcare", "Healthcare"),
        new("social-work", "Social work"),
        new("education", "Education"),
        new("community", "Community and front-line staff"),
    ];

    public static WelcomeView Welcome { get; } = new("Amira", Tracks, null);

    public static WelcomeView WelcomeAllSet { get; } = new("Amira", Tracks, "healthcare")
    {
        DailyQuiz = "every weekday at 09:00",
        Notice = "Saved: your role is Healthcare, and a two-minute quiz comes every weekday at 09:00.",
    };

    public static QuestionView Question { get; } = new(
        "p-7f3a9c",
        "hc-004",
        "Signs to notice",
        "A young woman comes to the emergency department with a wrist injury. A man who says he is her " +
        "\"cousin\" answers every question for her and holds her passport and phone. What should you do first?",
        [
            new OptionView("a", "Ask the man to wait outside while you examine her, and speak with her alone, with a professional interpreter if needed."),
            new OptionView("b", "Ask the man directly whether he is exploiting her."),
            new OptionView("c", "Treat the injury and discharge her; there is nothing you can act on yet."),
            new OptionView("d", "Call the police immediately, in front of them both."),
        ]);

    public static FeedbackView FeedbackCorrect { get; } = new(
        Correct: true,
        WasSure: true,
        Question.Stem,
        Question.Options[0].Text,
        "Right. Seeing the patient alone is the first step to finding out whether she is safe.",
        [Question.Options[0].Text],
        "A companion who speaks for the patient and holds her documents is a recognised indicator of control. " +
        "Speaking with her alone, using a professional interpreter rather than the companion, gives her a chance to tell you what is happening.",
        "Document what you see objectively, and tell your safeguarding lead. If she is in immediate danger, call the emergency number.",
        "NHS England - Modern slavery: information for health professionals",
        new Uri("https://www.england.nhs.uk/safeguarding/about/modern-slavery/"),
        RefresherTopic: null);

    public static FeedbackView FeedbackWrongSure { get; } = FeedbackCorrect with
    {
        Correct = false,
        WasSure = true,
        ChosenText = Question.Options[1].Text,
        ChosenFeedback = "Confronting a suspected exploiter can put the patient, and you, at risk.",
        RefresherTopic = "indicators",
    };

    public static RefresherView Refresher { get; } = new(
        "indicators-01",
        "Signs to notice",
        "Signs that someone else is in control",
        [
            "Someone else speaks for the person, or will not leave them alone.",
            "Their passport, ID or bank card is held by someone else.",
            "They owe a debt they can never seem to pay off.",
            "They do not know their home or work address, or are moved often.",
        ],
        "You do not need proof. If you see signs, tell your designated safeguarding contact or call the specialist line for your region.",
        "ILO - Indicators of forced labour",
        new Uri("https://www.ilo.org/publications/ilo-indicators-forced-labour"));

    /// <summary>What to note, as Beacon tells a healthcare learner.</summary>
    public static IReadOnlyList<string> ToNote { get; } =
    [
        "Speak with the patient alone, with a professional interpreter if needed, and document your findings objectively in the record.",
        "What you saw and heard, with the date, time and place. Use the person's own words where you can.",
        "Anything that suggested someone else was in control: who spoke for them, who held their documents or money.",
        "What you did and who you told.",
        "If the person may be under 18, follow child-protection procedures: a child cannot consent to being exploited.",
    ];

    public static IReadOnlyList<string> DoNot { get; } =
    [
        "Do not confront anyone you suspect of exploiting the person.",
        "Do not try to rescue the person or investigate yourself.",
        "Do not do anything that could put the person, or you, at risk.",
        "Do not promise to keep a secret you may need to share to keep someone safe.",
        "Do not use the person's companion as an interpreter: use a professional interpreter.",
    ];

    /// <summary>Guidance for every region in <c>content/reporting/regions.yaml</c>, keyed by region code.</summary>
    public static IReadOnlyList<(string Code, GuidanceView View)> Guidance { get; } =
    [
        Region(
            "US",
            "United States",
            "911",
            [
                new GuidanceLineView(
                    "National Human Trafficking Hotline (run by Compass Connections, San Antonio, Texas, under an HHS grant)",
                    "1-888-373-7888",
                    "233733",
                    new Uri("https://humantraffickinghotline.org"),
                    "24/7; call, text or live chat; TTY users dial 711; ask for an interpreter if you need one"),
            ],
            "HHS moved the Hotline to a new operator, Compass Connections, with a grant announced on 22 September 2025, and says the Hotline will, as appropriate, share information with law enforcement. You can call without giving names. Ask the advocate first how information is shared and with whom. Free or low-cost immigration legal aid exists; ask the Hotline or a local service provider for a referral."),
        Region(
            "UK",
            "United Kingdom",
            "999",
            [
                new GuidanceLineView(
                    "Modern Slavery & Exploitation Helpline (run by the charity Unseen)",
                    "08000 121 700",
                    null,
                    new Uri("https://www.modernslaveryhelpline.org"),
                    "Free, independent and confidential, 24/7; you can give details in confidence or stay anonymous, or report online"),
                new GuidanceLineView(
                    "Crimestoppers (anonymous reporting)",
                    "0800 555 111",
                    null,
                    null,
                    "Anonymous"),
            ],
            "For a non-emergency police report call 101. Isle of Man, Jersey and Guernsey are not mapped here because their routes were not verified."),
        Region(
            "CA",
            "Canada",
            "911",
            [
                new GuidanceLineView(
                    "Canadian Human Trafficking Hotline",
                    "1-833-900-1010",
                    null,
                    new Uri("https://canadianhumantraffickinghotline.ca"),
                    "24/7, confidential, English and French plus 200+ languages through interpreters"),
            ],
            "The Hotline is a registered charity run by the Canadian Centre to End Human Trafficking, not the police."),
        Region(
            "AU",
            "Australia",
            "000",
            [
                new GuidanceLineView(
                    "Australian Federal Police (131 AFP)",
                    "131 237",
                    null,
                    new Uri("https://www.afp.gov.au"),
                    "Reports are kept confidential; you can also report online"),
            ],
            "The AFP leads the policing response to human trafficking and modern slavery; ask for an interpreter on 000 if you need one."),
        Region(
            "IE",
            "Ireland",
            "112",
            [
                new GuidanceLineView(
                    "Garda Confidential Line",
                    "1800 666 111",
                    null,
                    null,
                    "Confidential; you may report anonymously"),
                new GuidanceLineView(
                    "Crimestoppers Ireland (anonymous reporting)",
                    "1800 250 025",
                    null,
                    null,
                    "Anonymous"),
            ],
            "999 also works in Ireland. You can also contact your local Garda station; the Garda Human Trafficking Investigation and Co-ordination Unit leads on this crime."),
        Region(
            "NZ",
            "New Zealand",
            "111",
            [
                new GuidanceLineView(
                    "New Zealand Police non-emergency line (to report people trafficking)",
                    "105",
                    null,
                    null,
                    null),
                new GuidanceLineView(
                    "Crime Stoppers (anonymous reporting)",
                    "0800 555 111",
                    null,
                    new Uri("https://crimestoppers-nz.org"),
                    "24/7, anonymous"),
                new GuidanceLineView(
                    "MBIE migrant exploitation reporting line",
                    "0800 200 088",
                    null,
                    new Uri("https://www.employment.govt.nz/resolving-problems/migrant-exploitation"),
                    null),
            ],
            "Use 105 or 111 for people trafficking; the MBIE line is for workplace exploitation of migrant workers."),
        Region(
            "EU",
            "European Union (other member states)",
            "112",
            [
                new GuidanceLineView(
                    "Global Modern Slavery Directory (co-launched in 2014 by Polaris, Walk Free and the Freedom Fund; find hotlines and services in your country)",
                    null,
                    null,
                    new Uri("https://globalmodernslavery.org"),
                    null),
                new GuidanceLineView(
                    "European Commission - National Rapporteurs or Equivalent Mechanisms on trafficking (national contacts)",
                    null,
                    null,
                    new Uri("https://ec.europa.eu/anti-trafficking/national-rapporteurs_en"),
                    null),
            ],
            "112 reaches police, fire and ambulance in every EU country. National rapporteurs monitor trafficking policy; to report a concern, use 112 in an emergency or the national police or a hotline found through the Directory."),
        Region(
            "ES",
            "Spain",
            "112",
            [
                new GuidanceLineView(
                    "Policía Nacional trafficking line (run by the police's central anti-trafficking brigade, BCTSH-UCRIF)",
                    "900 10 50 90",
                    null,
                    null,
                    "24/7, free; you may report anonymously and the call does not show on the phone bill; also email trata@policia.es"),
            ],
            "The 900 10 50 90 line is a police line, not a charity; for support without the police, a specialist organisation can be found through the Global Modern Slavery Directory."),
        Region(
            "FR",
            "France",
            "112",
            [
                new GuidanceLineView(
                    "Miprof - list of associations that support people who are trafficked (government mission against trafficking)",
                    null,
                    null,
                    new Uri("https://www.egalite-femmes-hommes.gouv.fr/contacts-lutte-TEH"),
                    null),
                new GuidanceLineView(
                    "119 - Allô enfance en danger (children at risk: 24/7, free, may be anonymous)",
                    "119",
                    null,
                    null,
                    "24/7, free, does not appear on the phone bill; calls from children come first"),
            ],
            "France has no single national trafficking hotline that could be verified; in an emergency call 112 (17 reaches the police). The Miprof list names the specialist associations to contact."),
        Region(
            "DE",
            "Germany",
            "112",
            [
                new GuidanceLineView(
                    "KOK - specialist counselling centres against trafficking and exploitation (national network; free, confidential, anonymous)",
                    null,
                    null,
                    new Uri("https://www.kok-gegen-menschenhandel.de/menschenhandel/was-ist-menschenhandel/unterstuetzung"),
                    "Counselling is free, confidential and anonymous, independent of the authorities, usually in the person's first language or with an interpreter"),
            ],
            "Germany has no national trafficking telephone hotline that could be verified. Since 14 January 2026 the KOK network, funded by the federal family ministry, also answers by chat and email in German and English. In Bavaria, the Bavarian Anti-Trafficking HELPline was not added because only a press release was found."),
        Region(
            "NL",
            "Netherlands",
            "112",
            [
                new GuidanceLineView(
                    "Police (ask for a detective specialised in human trafficking)",
                    "0900 8844",
                    null,
                    null,
                    null),
                new GuidanceLineView(
                    "Meld Misdaad Anoniem (Crime Stoppers Netherlands, anonymous)",
                    "0800 7000",
                    null,
                    null,
                    "Anonymous"),
                new GuidanceLineView(
                    "Netherlands Labour Authority (Nederlandse Arbeidsinspectie), for labour exploitation",
                    "0800 5151",
                    null,
                    null,
                    null),
            ],
            "CoMensha registers victims and arranges first shelter; professionals can reach it through the Wegwijzer Mensenhandel site."),
        Region(
            "IN",
            "India",
            "112",
            [
                new GuidanceLineView(
                    "Child Helpline 1098 (children in need of care and protection, including trafficking; being linked to 112 by the Ministry of Women and Child Development)",
                    "1098",
                    null,
                    null,
                    "24/7, free"),
            ],
            "India has no national trafficking hotline for adults that could be verified; report to the police through 112 (the Emergency Response Support System of the Ministry of Home Affairs), which also reaches women's and child helplines."),
        Region(
            "PH",
            "Philippines",
            "911",
            [
                new GuidanceLineView(
                    "1343 Actionline against Human Trafficking (Inter-Agency Council Against Trafficking, IACAT)",
                    "1343",
                    null,
                    new Uri("https://1343actionline.ph"),
                    "24/7; from outside Metro Manila dial (02) 1343; mobile app and online report available"),
            ],
            "911 answers in Tagalog, Cebuano, Ilocano, Waray, Tausug and other Philippine languages. Overseas Filipinos can use the 1343 Global Actionlines."),
        Region(
            "ZA",
            "South Africa",
            "10111",
            [
                new GuidanceLineView(
                    "South African National Human Trafficking Resource Line (set up by the A21 Campaign)",
                    "0800 222 777",
                    null,
                    new Uri("https://0800222777.org.za"),
                    "24/7, confidential; you may stay anonymous; you can also report online"),
                new GuidanceLineView(
                    "SAPS Crime Stop (anonymous tip-offs to the police)",
                    "08600 10111",
                    null,
                    null,
                    "24 hours; you do not have to give your name"),
            ],
            "The law (PACOTIP Act 7 of 2013) requires suspected trafficking to be reported to the police; the Resource Line helps follow a report up."),
        Region(
            "MX",
            "Mexico",
            "911",
            [
                new GuidanceLineView(
                    "Línea y Chat Nacional contra la Trata de Personas (run by the Consejo Ciudadano para la Seguridad y Justicia de la Ciudad de México)",
                    "800 5533 000",
                    null,
                    null,
                    "Calls and chat; you may report anonymously"),
            ],
            "The national line is run by a citizens' council, not by the federal government; it works with the authorities of the state where the case happens."),
        Region(
            "NG",
            "Nigeria",
            "112",
            [
                new GuidanceLineView(
                    "NAPTIP toll-free line (National Agency for the Prohibition of Trafficking in Persons)",
                    "627",
                    null,
                    null,
                    "Toll-free short code answered by NAPTIP's 24-hour call centre"),
            ],
            "112 emergency centres are not yet in every state; if 112 does not connect, go to the nearest police station or call NAPTIP on 627."),
        Region(
            "KE",
            "Kenya",
            "999",
            [
                new GuidanceLineView(
                    "Child Helpline 116 (Department of Children's Services with Childline Kenya)",
                    "116",
                    null,
                    null,
                    "24 hours, toll-free; also SMS and chat"),
                new GuidanceLineView(
                    "DCI toll-free line (#FichuaKwaDCI, Directorate of Criminal Investigations; anonymous tips)",
                    "0800 722 203",
                    null,
                    null,
                    "24 hours; several languages"),
            ],
            "Kenya has no national trafficking hotline for adults that could be verified; the DCI investigates human trafficking, and 112 also reaches the police."),
        Region(
            "SG",
            "Singapore",
            "999",
            [
                new GuidanceLineView(
                    "Singapore Police Force human trafficking hotline",
                    "6435 0000",
                    null,
                    null,
                    "You can also email SPF_Report_Trafficking@spf.gov.sg; interpreters can be requested for interviews"),
                new GuidanceLineView(
                    "Ministry of Manpower (labour-related cases)",
                    "6438 5122",
                    null,
                    null,
                    null),
            ],
            null),
        Region(
            "INTL",
            "International (other countries)",
            "112",
            [
                new GuidanceLineView(
                    "Global Modern Slavery Directory (co-launched in 2014 by Polaris, Walk Free and the Freedom Fund; organisations and hotlines by country)",
                    null,
                    null,
                    new Uri("https://globalmodernslavery.org"),
                    null),
            ],
            "Dial 112 from a mobile phone; most GSM phones and networks route it to local emergency services, but it does not work everywhere, so use your local emergency number if you know it."),
    ];

    /// <summary>Guidance when the tenant has configured its own safeguarding contact.</summary>
    public static GuidanceView GuidanceWithOrganisation { get; } = Guidance[1].View with
    {
        Organisation = new OrganisationContactView(
            "Safeguarding team, St Mary's Hospital",
            "call extension 4455 (24/7) or email safeguarding@stmarys.example.org",
            new Uri("https://intranet.stmarys.example.org/safeguarding")),
        CanHandOff = true,
        RegionCode = Guidance[1].Code,
        RegionChoices = Guidance.Select(g => new RegionChoiceView(g.Code, g.View.RegionName)).ToList(),
    };

    /// <summary>A bare "report": the guidance with a way to the progress report the user may have meant.</summary>
    public static GuidanceView GuidanceForBareReport { get; } = Guidance[0].View with
    {
        OfferProgressReport = true,
        Acknowledgement = "Thank you for checking how to report a concern.",
    };

    /// <summary>What a person writing about themselves needs to know, as Beacon tells them.</summary>
    public static IReadOnlyList<string> YourRights { get; } =
    [
        "What is happening is not your fault.",
        "A debt does not give anyone the right to keep you in a job or a place. You can ask for help to leave.",
        "Your passport and ID belong to you. Someone keeping them from you is a warning sign, and specialists can help.",
        "You can ask for help whatever your visa or immigration status.",
    ];

    /// <summary>"They took my passport and I can't leave", in the UK, in a tenant with a safeguarding team.</summary>
    public static GuidanceView GuidanceForDisclosure { get; } = GuidanceWithOrganisation with
    {
        Voice = GuidanceVoice.Disclosure,
        Acknowledgement = "Thank you for telling me. Help is available.",
        ToNote = [],
        DoNot = [],
        YourRights = YourRights,
        Lines = [.. GuidanceWithOrganisation.Lines.Select(line => line with { Confidential = line.Hours?.Contains("confidential", StringComparison.OrdinalIgnoreCase) == true })],
    };

    /// <summary>Nothing said where the person is: the international fallback, saying so, with every region a tap away.</summary>
    public static GuidanceView GuidanceWithRegionUnknown { get; } = Guidance[^1].View with
    {
        RegionCode = Guidance[^1].Code,
        RegionIsAssumed = true,
        RegionChoices = Guidance.Select(g => new RegionChoiceView(g.Code, g.View.RegionName)).ToList(),
    };

    public static SettingsView Settings { get; } = new(
        Enabled: true, Time: "09:00", Days: "weekdays", TimeZone: "Europe/London", PausedUntil: null, Notice: null);

    public static MyDataView MyData { get; } = new()
    {
        HasProfile = true,
        DisplayName = "Sam Rivera",
        Track = "Healthcare",
        Locale = "en-GB",
        TimeZone = "Europe/London",
        Country = "GB",
        HasPersonalChat = true,
        CreatedAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero),
        WelcomedAt = new DateTimeOffset(2026, 9, 1, 8, 0, 1, TimeSpan.Zero),
        Active = true,
        DailyQuiz = "every weekday at 08:30",
        QuestionsSent = 30,
        Answers = 27,
        CorrectAnswers = 21,
        ReviewPhases = [("review", 18), ("relearning", 2)],
        NextReviewDue = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    };

    public static ProgressView Progress { get; } = new(
        Answered: 42, Correct: 33, StreakDays: 5, Mastered: 12, DueNow: 3, ConfidentButWrong: 2, WeakestTopic: "Law and rights");

    /// <summary>A four-week campaign for 24 people, two weeks in; "Law and rights" has too few learners to show.</summary>
    public static CampaignReportView CampaignReport { get; } = new(
        "Spring refresher for ward staff",
        "2 Mar 2026 to 27 Mar 2026",
        24,
        [new ReportWeekView("Week 1 (2 Mar)", 88, 71), new ReportWeekView("Week 2 (9 Mar)", 79, 63)],
        [
            new ReportComparisonView("Signs to notice", 54, 75),
            new ReportComparisonView("Responding safely", 48, 70),
            new ReportComparisonView("Where to get help", 66, 83),
            new ReportComparisonView("Law and rights", null, null),
        ],
        new ReportComparisonView("All topics", 56, 76),
        [
            new ReportChangeView("Signs to notice", 50, 78, 28, 17),
            new ReportChangeView("Responding safely", 45, 69, 24, 17),
            new ReportChangeView("Where to get help", 63, 81, 18, 16),
            new ReportChangeView("Law and rights", null, null, null, null),
        ],
        new ReportChangeView("All topics", 52, 76, 24, 17),
        [
            new ReportValueView("Responding safely", 61),
            new ReportValueView("Signs to notice", 66),
            new ReportValueView("Where to get help", 77),
            new ReportValueView("Law and rights", null),
        ],
        [
            new ReportValueView("Someone speaks for them", 47),
            new ReportValueView("Controlled documents", 58),
            new ReportValueView("Debt bondage", 64),
            new ReportValueView("Isolation", 72),
            new ReportValueView("Withheld wages", 80),
        ],
        ConfidentButWrongPercent: 9,
        RetentionPercent: 81);

    /// <summary>The form opened by "new campaign every weekday at 9am for 4 weeks starting Monday, ward 4 only": the last words were not understood.</summary>
    public static CampaignFormView CampaignForm { get; } = new()
    {
        CampaignId = "7k2m9q4x1c",
        Audience = "team",
        TeamName = "Ward 4 nursing",
        TrackChoices = Tracks,
        TopicChoices =
        [
            new("definition", "What trafficking is"),
            new("indicators", "Signs to notice"),
            new("responding", "Responding safely"),
            new("resources", "Where to get help"),
        ],
        Start = "2026-11-30",
        Weeks = 4,
        Days = ["mon", "tue", "wed", "thu", "fri"],
        Time = "09:00",
        Unparsed = "ward 4 only",
    };

    /// <summary>The same form sent back with problems.</summary>
    public static CampaignFormView CampaignFormWithProblems { get; } = CampaignForm with
    {
        Name = "Winter refresher for ward staff",
        Start = "2026-11-02",
        Time = null,
        Unparsed = null,
        Problems = ["Choose the time of day.", "The start date is in the past."],
    };

    /// <summary>Editing a running campaign: the start date and pre-assessment are fixed.</summary>
    public static CampaignFormView CampaignEdit { get; } = CampaignForm with
    {
        Name = "Winter refresher for ward staff",
        Tracks = ["healthcare"],
        Topics = ["indicators", "responding"],
        Unparsed = null,
        IsEdit = true,
        HasStarted = true,
    };

    public static CampaignListView CampaignList { get; } = new(
    [
        new CampaignItemView
        {
            Id = "7k2m9q4x1c", Name = "Winter refresher for ward staff", State = "running",
            When = "Every weekday at 09:00, Monday 30 November 2026 to Sunday 27 December 2026", Audience = "Ward 4 nursing (23 people)",
            CanPause = true, CanEdit = true, CanCancel = true, CanReport = true,
        },
        new CampaignItemView
        {
            Id = "p4x8r2m6ta", Name = "New starters: signs to notice", State = "paused",
            When = "On Tuesday and Thursday at 08:30, Tuesday 12 January 2027 to Sunday 21 February 2027", Audience = "Everyone on Healthcare",
            CanResume = true, CanEdit = true, CanCancel = true, CanReport = true,
        },
        new CampaignItemView
        {
            Id = "h9c3w5n1qe", Name = "Autumn refresher", State = "completed",
            When = "Every day at 14:00, Thursday 1 October 2026 to Sunday 1 November 2026", Audience = "Picked people (9 people)",
            CanReport = true,
        },
    ],
        Notice: "Paused: New starters: signs to notice.");

    public static CampaignAnnouncementView CampaignAnnouncement { get; } = new(
        "Winter refresher for ward staff", "every weekday at 09:00", "Monday 30 November 2026", "Friday 25 December 2026", 3, true);

    /// <summary>What a manager's "Download CSV" link looks like (the signature is a sample).</summary>
    public static Uri CampaignReportCsvLink { get; } =
        new("https://beacon.example.org/campaigns/contoso/7k2m9q4x1c/report.csv?expires=1774000000&sig=sample-signature");

    private static (string Code, GuidanceView View) Region(
        string code, string name, string emergency, IReadOnlyList<GuidanceLineView> lines, string? notes) =>
        (code, new GuidanceView(name, emergency, null, lines, ToNote, DoNot, notes)
        {
            RegionCode = code,
            Acknowledgement = "Thank you for raising this. Here is what to do.",
        });

    public static SafeguardingFormView SafeguardingForm { get; } = new()
    {
        Name = "Safeguarding team (Sam Patel)",
        HowToReach = "safeguarding@example.org or extension 4410, 24/7",
        ProcedureUrl = "https://intranet.example.org/policies/safeguarding",
        People =
        [
            new("11111111-1111-1111-1111-111111111111", "Sam Patel"),
            new("22222222-2222-2222-2222-222222222222", "Alex Kim"),
        ],
        Region = "UK",
        RegionChoices = Guidance.Select(g => new RegionChoiceView(g.Code, g.View.RegionName)).ToList(),
        Source = "Now: Safeguarding team (Sam Patel) (safeguarding@example.org or extension 4410, 24/7), set in chat by Priya Nair on 28 November 2026. 2 people receive concerns people hand over in Teams.",
        CanRemove = true,
    };

    public static SafeguardingFormView SafeguardingFormWithProblems { get; } = SafeguardingForm with
    {
        ProcedureUrl = "http://intranet.example.org/policies/safeguarding",
        CanRemove = false,
        Source = "Now: Dana Shah, safeguarding lead (extension 4410), from Beacon's configuration. Nobody receives handed-over concerns in Teams.",
        Problems = ["The procedure link must be an https:// address of up to 500 characters."],
    };
}
