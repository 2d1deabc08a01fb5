namespace Beacon.Cards.Catalogue;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>One card Beacon can send, under a stable file-friendly name (lower case, dashes).</summary>
public sealed record CatalogueEntry(string Name, AdaptiveCard Card);

/// <summary>
/// Every card Beacon can send, built from realistic sample data. The rendering tests parse and
/// render each one in the official Adaptive Cards renderer and write its screenshot to
/// <c>docs/cards/&lt;name&gt;.png</c>; the accessibility tests walk each one. A new card is one
/// more line in <see cref="Build"/>.
/// </summary>
public static class CardCatalogue
{
    private static readonly Lazy<IReadOnlyList<CatalogueEntry>> Entries = new(() => Build().ToList());

    public static IReadOnlyList<CatalogueEntry> All => Entries.Value;

    public static CatalogueEntry Find(string name) =>
        All.FirstOrDefault(entry => entry.Name == name) ?? throw new KeyNotFoundException($"No catalogue card named '{name}'.");

    private static IEnumerable<CatalogueEntry> Build()
    {
        yield return new("welcome", WelcomeCard.Build(CatalogueSamples.Welcome));
        yield return new("welcome-all-set", WelcomeCard.Build(CatalogueSamples.WelcomeAllSet));
        yield return new("role-choice", RoleCard.Build(CatalogueSamples.Tracks, CatalogueSamples.Welcome.CurrentTrack));
        yield return new("track-saved", TrackSavedCard.Build(CatalogueSamples.Tracks[1], CatalogueSamples.Tracks));
        yield return new("question", QuestionCard.Build(CatalogueSamples.Question));
        yield return new("question-after-failed-save", QuestionCard.Build(CatalogueSamples.Question, "I couldn't save your last answer. Please answer again."));
        yield return new("feedback-correct", FeedbackCard.Build(CatalogueSamples.FeedbackCorrect));
        yield return new("feedback-wrong-sure", FeedbackCard.Build(CatalogueSamples.FeedbackWrongSure));
        yield return new("feedback-campaign-next", FeedbackCard.Build(CatalogueSamples.FeedbackCorrect with { Next = new SessionStep("c.k3x9m2p7qa.s.20261201.1", 2, 3) }));
        yield return new("refresher", RefresherCard.Build(CatalogueSamples.Refresher));
        foreach (var (code, guidance) in CatalogueSamples.Guidance)
        {
            yield return new("guidance-" + code.ToLowerInvariant(), GuidanceCard.Build(guidance));
        }

        yield return new("guidance-with-organisation", GuidanceCard.Build(CatalogueSamples.GuidanceWithOrganisation));
        yield return new("guidance-bare-report", GuidanceCard.Build(CatalogueSamples.GuidanceForBareReport));
        yield return new("guidance-first-person", GuidanceCard.Build(CatalogueSamples.GuidanceForDisclosure));
        yield return new("guidance-region-unknown", GuidanceCard.Build(CatalogueSamples.GuidanceWithRegionUnknown));
        yield return new("handoff-to-contact", HandoffCard.ForContact(
            "Sam Rivera", "A cleaner on ward 4 said her employer keeps her passport and she sleeps at the agency office.", new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero)));
        yield return new("handoff-sent", HandoffCard.Sent("999", 1));
        yield return new("progress", ProgressCard.Build(CatalogueSamples.Progress));
        yield return new("settings", SettingsCard.Build(CatalogueSamples.Settings));
        yield return new("stop-offer", StopOfferCard.Build(new StopOfferView(DailyQuizOn: true, PausedUntil: null, PauseDays: 14)));
        yield return new("topic-list", TopicListCard.Build("cooking", [
            new("definition", "What trafficking is"), new("forms", "Forms of trafficking"), new("indicators", "Signs to notice"), new("impact", "Impact on people"),
            new("legal", "Law and rights"), new("responding", "Responding safely"), new("collaboration", "Working together"), new("resources", "Where to get help")]));
        yield return new("campaign-form", CampaignFormCard.Build(CatalogueSamples.CampaignForm));
        yield return new("campaign-form-problems", CampaignFormCard.Build(CatalogueSamples.CampaignFormWithProblems));
        yield return new("campaign-form-edit", CampaignFormCard.Build(CatalogueSamples.CampaignEdit));
        yield return new("campaign-list", CampaignListCard.Build(CatalogueSamples.CampaignList));
        yield return new("campaign-list-empty", CampaignListCard.Build(new CampaignListView([])));
        yield return new("campaign-cancel-confirm", CampaignListCard.ConfirmCancel("7k2m9q4x1c", "Winter refresher for ward staff"));
        yield return new("campaign-announcement", CampaignAnnouncementCard.Build(CatalogueSamples.CampaignAnnouncement));
        yield return new("campaign-report", CampaignReportCard.Build(CatalogueSamples.CampaignReport, CatalogueSamples.CampaignReportCsvLink));
        yield return new("safeguarding-form", SafeguardingFormCard.Build(CatalogueSamples.SafeguardingForm));
        yield return new("safeguarding-form-problems", SafeguardingFormCard.Build(CatalogueSamples.SafeguardingFormWithProblems));
        yield return new("safeguarding-remove-confirm", SafeguardingFormCard.ConfirmRemove("Dana Shah, safeguarding lead (extension 4410)"));
        yield return new("my-data", MyDataCard.Build(CatalogueSamples.MyData));
        yield return new("forget-me-confirm", ForgetMeCard.Confirm(57));
        yield return new("forget-me-erased", ForgetMeCard.Erased());
        yield return new("help", HelpCard.Build());
        yield return new("help-not-understood", HelpCard.Build("what's the canteen menu today?"));
        yield return new("help-manager", HelpCard.Build(forManager: true));
        yield return new("notice-could-not-save", NoticeCard.CouldNotSave());
        yield return new("campaign-reminder", NudgeCard.Build(new NudgeView("Winter refresher for ward staff", "c.k3x9m2p7qa.s.20261201.0")));
    }
}
