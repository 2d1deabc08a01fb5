namespace Beacon.Tests.Storage;

using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>
/// Export and import (<c>storage copy</c>) of personal schedules, campaigns, manager grants and
/// delivery claims: more rows than one page, two tenants, keys with characters Azure forbids.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly LearnerKey[] CopyLearners =
        [.. Enumerable.Range(0, 5).Select(i => new LearnerKey(i % 2 == 0 ? "tenant/a" : "tenant-b", $"learner|{i}#?"))];

    [Fact]
    public async Task Export_returns_every_schedule_campaign_grant_and_claim_across_pages()
    {
        foreach (var schedule in CopySchedules())
        {
            await Stores.Schedules.SaveAsync(schedule, None);
        }

        foreach (var campaign in CopyCampaigns())
        {
            await Stores.Campaigns.SaveAsync(campaign, None);
        }

        foreach (var grant in CopyGrants())
        {
            await Stores.Grants.GrantAsync(grant, None);
        }

        foreach (var claim in CopyClaims().SelectMany(c => c.Claims))
        {
            Assert.True(await Stores.Claims.TryClaimAsync(claim with { Status = DeliveryStatus.Claimed, CompletedAt = null, ActivityId = null, Attempts = 0 }, None));
            await Stores.Claims.CompleteAsync(claim, None);
        }

        var schedules = await ToListAsync(Stores.Export.ExportSchedulesAsync(None));
        Assert.Equal(
            CopySchedules().OrderBy(s => s.Learner.ToString()),
            schedules.Select(s => s with { ConcurrencyToken = null }).OrderBy(s => s.Learner.ToString()));
        foreach (var schedule in schedules)
        {
            Assert.Equal((await Stores.Schedules.GetAsync(schedule.Learner, None))!.ConcurrencyToken, schedule.ConcurrencyToken);
        }

        var campaigns = await ToListAsync(Stores.Export.ExportCampaignsAsync(None));
        Assert.Equal(
            CopyCampaigns().Select(CampaignStoreContractTests.Stored).Order(StringComparer.Ordinal),
            campaigns.Select(CampaignStoreContractTests.Stored).Order(StringComparer.Ordinal));

        var grants = await ToListAsync(Stores.Export.ExportManagerGrantsAsync(None));
        Assert.Equal(CopyGrants().OrderBy(g => g.LearnerId, StringComparer.Ordinal), grants.OrderBy(g => g.LearnerId, StringComparer.Ordinal));

        var claims = await ToListAsync(Stores.Export.ExportDeliveryClaimsAsync(None));
        AssertClaims(CopyClaims(), claims);
    }

    [Fact]
    public async Task Import_twice_of_schedules_campaigns_grants_and_claims_stores_each_once_with_its_values_and_fresh_tokens()
    {
        var schedule = CopySchedules()[0];
        var campaign = CopyCampaigns()[0];
        var grant = CopyGrants()[0];
        var claims = CopyClaims()[0];
        string? firstScheduleToken = null;
        string? firstCampaignToken = null;

        for (var run = 0; run < 2; run++)
        {
            // A token from the source store means nothing in the target: the import ignores it.
            await Stores.Import.ImportScheduleAsync(schedule with { ConcurrencyToken = "W/\"from-the-source\"" }, None);
            await Stores.Import.ImportCampaignAsync(campaign with { ConcurrencyToken = "7" }, None);
            await Stores.Import.ImportManagerGrantAsync(grant, None);
            await Stores.Import.ImportDeliveryClaimsAsync(claims, None);
            firstScheduleToken ??= (await Stores.Schedules.GetAsync(schedule.Learner, None))!.ConcurrencyToken;
            firstCampaignToken ??= (await Stores.Campaigns.GetAsync(campaign.Key, None))!.ConcurrencyToken;
        }

        var storedSchedule = await Stores.Schedules.GetAsync(schedule.Learner, None);
        Assert.Equal(schedule, storedSchedule! with { ConcurrencyToken = null });
        AssertExact(schedule.PausedUntil!.Value, storedSchedule.PausedUntil!.Value);
        Assert.Single(await ToListAsync(Stores.Export.ExportSchedulesAsync(None)));
        Assert.NotEqual(firstScheduleToken, storedSchedule.ConcurrencyToken);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Schedules.SaveAsync(storedSchedule with { ConcurrencyToken = firstScheduleToken, Enabled = true }, None));
        await Stores.Schedules.SaveAsync(storedSchedule with { Enabled = true }, None);
        Assert.True((await Stores.Schedules.GetAsync(schedule.Learner, None))!.Enabled);

        var storedCampaign = await Stores.Campaigns.GetAsync(campaign.Key, None);
        Assert.Equal(CampaignStoreContractTests.Stored(campaign), CampaignStoreContractTests.Stored(storedCampaign!));
        Assert.Single(await ToListAsync(Stores.Export.ExportCampaignsAsync(None)));
        Assert.NotEqual(firstCampaignToken, storedCampaign!.ConcurrencyToken);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Campaigns.SaveAsync(storedCampaign with { ConcurrencyToken = firstCampaignToken, Name = "Stale" }, None));
        await Stores.Campaigns.SaveAsync(storedCampaign with { Name = "Renamed" }, None);
        Assert.Equal("Renamed", (await Stores.Campaigns.GetAsync(campaign.Key, None))!.Name);

        Assert.Equal([grant], await Stores.Grants.ListAsync(grant.TenantId, None));
        Assert.True(await Stores.Grants.IsGrantedAsync(grant.TenantId, grant.LearnerId, None));

        AssertClaims([claims], await ToListAsync(Stores.Export.ExportDeliveryClaimsAsync(None)));
        foreach (var claim in claims.Claims)
        {
            // The day stays delivered in the target: nobody claims it again.
            Assert.False(await Stores.Claims.TryClaimAsync(claim with { Owner = "new-host" }, None));
            if (claim.Kind != ClaimKind.Announcement)
            {
                // Announcements are keyed by campaign, not date: the export above already compared them.
                Assert.Equal(claim, await Stores.Claims.GetAsync(claim.Learner, claim.LocalDate, claim.Kind, None));
            }
        }
    }

    [Fact]
    public async Task Import_of_claims_that_belong_to_another_learner_is_refused_and_writes_nothing()
    {
        var claims = CopyClaims()[0];
        var stray = claims with { Claims = [.. claims.Claims, claims.Claims[0] with { Learner = CopyLearners[4] }] };

        await Assert.ThrowsAsync<ArgumentException>(() => Stores.Import.ImportDeliveryClaimsAsync(stray, None));

        Assert.Empty(await ToListAsync(Stores.Export.ExportDeliveryClaimsAsync(None)));
    }

    /// <summary>Five schedules over two tenants, every optional field both set and unset somewhere.</summary>
    internal static List<PersonalSchedule> CopySchedules() =>
    [
        .. CopyLearners.Select((learner, i) => new PersonalSchedule
        {
            Learner = learner,
            Enabled = i != 1,
            Days = i % 2 == 0 ? Weekdays.Monday | Weekdays.Friday : Weekdays.WorkWeek,
            LocalTime = new TimeOnly(7 + i, 15),
            TimeZone = i == 2 ? null : "Europe/Berlin",
            QuietHours = i == 3 ? null : new QuietHours(new TimeOnly(22, 0), new TimeOnly(6, 30)),
            PausedAt = i == 0 ? T(2026, 3, 1, TimeSpan.FromHours(1)) : null,
            PausedUntil = i == 0 ? T(2026, 3, 14, TimeSpan.FromHours(-5)) : null,
            UpdatedAt = T(2026, 2, 20 + i, TimeSpan.FromHours(2)),
        }),
    ];

    /// <summary>Four campaigns over two tenants, in every status a campaign can have.</summary>
    internal static List<Campaign> CopyCampaigns() =>
    [
        CampaignStoreContractTests.Sample("tenant/a", "c0ffee0001", CampaignStatus.Active) with
        {
            // Announcements still to send travel with the campaign.
            Announcement = new CampaignAnnouncement
            {
                ServiceUrl = "https://smba.example.test/emea/",
                ChannelId = "msteams",
                BotId = "28:bot",
                Pending = [new AudienceMember("aad-7", "29:chat-7", "Sam O'Neill"), new AudienceMember("aad-8", null, null)],
                Told = 3,
                Total = 5,
            },
        },
        CampaignStoreContractTests.Sample("tenant/a", "c0ffee0002", CampaignStatus.Draft) with { Name = "Draft" },
        CampaignStoreContractTests.Sample("tenant-b", "c0ffee0003", CampaignStatus.Paused) with
        {
            Audience = new CampaignAudience { Kind = AudienceKind.Track },
            Tracks = ["frontline", "hospitality"],
        },
        CampaignStoreContractTests.Sample("tenant-b", "c0ffee0004", CampaignStatus.Cancelled),
    ];

    internal static List<ManagerGrant> CopyGrants() =>
    [
        .. CopyLearners.Take(4).Select((learner, i) => new ManagerGrant(
            learner.TenantId, learner.LearnerId, i == 1 ? null : $"Manager {i}", "owner|1", T(2026, 1, 10 + i, TimeSpan.FromHours(i)))),
    ];

    /// <summary>Two learners: four session days (every status) and two reminders each.</summary>
    internal static List<LearnerDeliveryClaims> CopyClaims() =>
    [
        .. CopyLearners.Take(2).Select(learner => new LearnerDeliveryClaims(
            learner,
            [
                .. Enumerable.Range(0, 4).Select(d => new DeliveryClaim
                {
                    Learner = learner,
                    LocalDate = new DateOnly(2026, 3, 9).AddDays(d),
                    Owner = "host-1",
                    Source = d == 1 ? "campaign:c0ffee0001" : "personal",
                    ClaimedAt = T(2026, 3, 9 + d, TimeSpan.FromHours(1)),
                    Status = d == 3 ? DeliveryStatus.Claimed : (DeliveryStatus)(d + 1),
                    CompletedAt = d == 3 ? null : T(2026, 3, 9 + d, TimeSpan.FromHours(1)).AddSeconds(3),
                    ActivityId = d == 0 ? "1:activity|" + learner.LearnerId : null,
                    Attempts = d,
                }),
                .. Enumerable.Range(0, 2).Select(d => new DeliveryClaim
                {
                    Learner = learner,
                    LocalDate = new DateOnly(2026, 3, 9).AddDays(d),
                    Kind = ClaimKind.Nudge,
                    Owner = "host-2",
                    Source = "campaign:c0ffee0001",
                    ClaimedAt = T(2026, 3, 9 + d, TimeSpan.Zero).AddHours(6),
                    Status = DeliveryStatus.Sent,
                    CompletedAt = T(2026, 3, 9 + d, TimeSpan.Zero).AddHours(6).AddSeconds(1),
                    ActivityId = "1:nudge",
                    Attempts = 1,
                }),
                .. new[] { "c0ffee0001", "c0ffee0002" }.Select((campaign, i) => new DeliveryClaim
                {
                    Learner = learner,
                    LocalDate = new DateOnly(2026, 3, 2),
                    Kind = ClaimKind.Announcement,
                    Owner = "host-1",
                    Source = "campaign:" + campaign,
                    ClaimedAt = T(2026, 3, 2, TimeSpan.Zero).AddMinutes(i),
                    Status = DeliveryStatus.Sent,
                    CompletedAt = T(2026, 3, 2, TimeSpan.Zero).AddMinutes(i).AddSeconds(1),
                    ActivityId = "1:announce-" + campaign,
                    Attempts = 1,
                }),
            ])),
    ];

    internal static void AssertClaims(IEnumerable<LearnerDeliveryClaims> expected, IEnumerable<LearnerDeliveryClaims> actual)
    {
        static IEnumerable<string> Rows(IEnumerable<LearnerDeliveryClaims> claims) => claims
            .SelectMany(c => c.Claims.Select(claim => (c.Learner, claim)))
            .Select(x => $"{x.Learner}={x.claim}|{x.claim.ClaimedAt.Offset}")
            .Order(StringComparer.Ordinal);

        var actualList = actual.ToList();
        Assert.Equal(actualList.Select(c => c.Learner).Distinct().Count(), actualList.Count);
        Assert.Equal(Rows(expected), Rows(actualList));
    }
}
