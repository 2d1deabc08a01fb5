namespace Beacon.Tests.Campaigns;

using System.Net;
using Beacon.Bot.Campaigns;
using Beacon.Dialogs.Campaigns;
using Beacon.Tests.Support;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// The CSV download on the real bot host: answers, reviews and learners in its SQLite store,
/// campaigns from a fake campaign store, the scenario's content pack, the clock a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class CampaignReportExportTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private const string SigningKey = "a-test-signing-key-of-at-least-32-characters";
    private static readonly CampaignKey Report = new(ReportScenario.Tenant, ReportScenario.CampaignId);
    private static readonly CampaignKey Other = new(ReportScenario.Tenant, ReportScenario.OtherCampaignId);

    private readonly FakeTimeProvider clock = new(ReportScenario.Now);
    private readonly ReportScenario scenario = new(answering: 5, silent: 1);
    private RunningBot bot = null!;

    public async Task InitializeAsync()
    {
        bot = await StartAsync(clock, scenario, SigningKey);
        await SeedAsync(bot, scenario);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_link_downloads_the_report_as_csv_without_individual_results()
    {
        using var response = await Http.GetAsync(OnBot(Link(Report)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(CampaignReportCsv.Header, body, StringComparison.Ordinal);
        Assert.Contains("proficiency,All topics,first_answer_right_percent,57.1,5,false,", body, StringComparison.Ordinal);
        Assert.Contains("retention,Campaign questions,estimated_retention_now_percent,90.0,5,false,", body, StringComparison.Ordinal);
        Assert.DoesNotContain("individual,", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Person", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_points_at_the_configured_public_address_and_expires_after_fifteen_minutes()
    {
        var link = Link(Report);
        Assert.StartsWith("https://beacon.example.org/campaigns/tenant-r/7k2m9q4x1c/report.csv?expires=", link.AbsoluteUri, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(14));
        using var stillValid = await Http.GetAsync(OnBot(link));
        clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await Http.GetAsync(OnBot(link));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(CampaignReportEndpoints.ExpiredMessage, await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_public_base_url_an_authenticated_bot_issues_no_link_and_says_why()
    {
        await using var authenticated = await StartAsync(
            clock,
            scenario,
            SigningKey,
            ("Bot:PublicBaseUrl", null),
            ("Bot:MicrosoftAppId", "6f0c1d52-4b8e-4f1a-9a57-3c2d1e0f9b81"),
            ("Bot:MicrosoftAppPassword", "not-a-real-secret"));

        var link = authenticated.Services.GetRequiredService<ICampaignReportLinks>().IssueCsvLink(Report);

        Assert.Null(link);
        Assert.Contains(authenticated.Logs.Lines, line => line.Contains(CampaignReportLinks.MissingBaseUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_public_base_url_a_development_bot_links_to_its_own_loopback_address()
    {
        await using var development = await StartAsync(clock, scenario, SigningKey, ("Bot:PublicBaseUrl", null));

        var link = development.Services.GetRequiredService<ICampaignReportLinks>().IssueCsvLink(Report);

        Assert.NotNull(link);
        Assert.True(link.IsLoopback, link.AbsoluteUri);
        Assert.Equal(development.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.DoesNotContain(development.Logs.Lines, line => line.Contains(CampaignReportLinks.MissingBaseUrl, StringComparison.Ordinal));
    }

    public static TheoryData<string> Tamperings => ["tenant", "campaign", "other campaign", "expires", "signature", "no signature", "no expiry", "signature case"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task An_altered_link_is_refused_with_nothing_in_it(string part)
    {
        var link = OnBot(Link(Report));
        var expires = Query(link, "expires");
        var sig = Query(link, "sig");
        var path = link.AbsolutePath;
        var altered = part switch
        {
            "tenant" => $"/campaigns/tenant-x/{Report.CampaignId}/report.csv?expires={expires}&sig={sig}",
            "campaign" => $"/campaigns/{Report.TenantId}/7k2m9q4x1d/report.csv?expires={expires}&sig={sig}",
            "other campaign" => $"/campaigns/{Report.TenantId}/{Other.CampaignId}/report.csv?expires={expires}&sig={sig}",
            "expires" => $"{path}?expires={long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86400}&sig={sig}",
            "signature" => $"{path}?expires={expires}&sig={(sig[0] == 'A' ? 'B' : 'A')}{sig[1..]}",
            "no signature" => $"{path}?expires={expires}",
            "no expiry" => $"{path}?sig={sig}",
            "signature case" => $"{path}?expires={expires}&sig={Flip(sig)}",
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

        using var response = await Http.GetAsync(new Uri(bot.BaseAddress, altered));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CampaignReportEndpoints.RefusedMessage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_campaign_is_reachable_only_with_its_own_link_and_nothing_is_listed()
    {
        using var own = await Http.GetAsync(OnBot(Link(Other)));
        using var listing = await Http.GetAsync(new Uri(bot.BaseAddress, $"/campaigns/{Report.TenantId}/"));
        using var campaignRoot = await Http.GetAsync(new Uri(bot.BaseAddress, $"/campaigns/{Report.TenantId}/{Report.CampaignId}"));
        using var unsigned = await Http.GetAsync(new Uri(bot.BaseAddress, CampaignReportEndpoints.CsvPath(Report)));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("campaign,Autumn refresher,", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, listing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, campaignRoot.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Fact]
    public async Task A_tenant_that_allows_individual_results_gets_the_per_person_section()
    {
        await using var allowing = await StartAsync(clock, scenario, SigningKey, ("Campaigns:Tenants:tenant-r:ShowIndividualResults", "true"));
        await SeedAsync(allowing, scenario);
        var link = allowing.Services.GetRequiredService<ICampaignReportLinks>().IssueCsvLink(Report)!;

        var body = await Http.GetStringAsync(new Uri(allowing.BaseAddress, link.PathAndQuery));

        Assert.True(body.Contains("individual,Person learner-1,answered,6,1,false,", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task Without_a_configured_key_links_live_only_in_the_process_that_issued_them_and_a_warning_says_so()
    {
        await using var first = await StartAsync(clock, scenario, signingKey: null);
        await using var second = await StartAsync(clock, scenario, signingKey: null);
        await using var sameKey = await StartAsync(clock, scenario, SigningKey);
        var firstLink = first.Services.GetRequiredService<ICampaignReportLinks>().IssueCsvLink(Other)!;

        using var elsewhere = await Http.GetAsync(new Uri(second.BaseAddress, firstLink.PathAndQuery));
        using var sharedKey = await Http.GetAsync(new Uri(sameKey.BaseAddress, Link(Other).PathAndQuery));

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sharedKey.StatusCode);
        Assert.Contains(first.Logs.Lines, line => line.Contains("Campaigns:ExportSigningKey is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Contains("Campaigns:ExportSigningKey is not set", StringComparison.Ordinal));
    }

    private Uri Link(CampaignKey campaign) => bot.Services.GetRequiredService<ICampaignReportLinks>().IssueCsvLink(campaign)!;

    private Uri OnBot(Uri link) => new(bot.BaseAddress, link.PathAndQuery);

    private static string Query(Uri link, string name) =>
        link.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2)).Single(pair => pair[0] == name)[1];

    private static string Flip(string text) =>
        string.Concat(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

    private static async Task<RunningBot> StartAsync(TimeProvider clock, ReportScenario scenario, string? signingKey, params (string Key, string? Value)[] settings)
    {
        var campaigns = new Mock<ICampaignStore>();
        campaigns.Setup(s => s.GetAsync(It.IsAny<CampaignKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CampaignKey key, CancellationToken _) =>
                key == Report ? scenario.Campaign
                : key == Other ? scenario.Campaign with { Id = Other.CampaignId, Name = "Autumn refresher" }
                : null);
        var config = new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "false",
            ["Bot:PublicBaseUrl"] = "https://beacon.example.org",
            ["Campaigns:ExportSigningKey"] = signingKey,
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        return await RunningBot.StartAsync(config, services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton(campaigns.Object);
            services.AddSingleton(ReportScenario.Pack);
        });
    }

    private static async Task SeedAsync(RunningBot bot, ReportScenario scenario)
    {
        var answers = bot.Services.GetRequiredService<IAnswerStore>();
        var reviews = bot.Services.GetRequiredService<IReviewStore>();
        var learners = bot.Services.GetRequiredService<ILearnerStore>();
        foreach (var learner in scenario.Answering.Concat(scenario.Silent))
        {
            await learners.UpsertAsync(new Learner { Key = learner, DisplayName = "Person " + learner.LearnerId }, CancellationToken.None);
            foreach (var answer in scenario.AnswersOf(learner))
            {
                await answers.AppendAsync(answer, CancellationToken.None);
            }

            foreach (var state in scenario.ReviewsOf(learner))
            {
                await reviews.SaveAsync(state, CancellationToken.None);
            }
        }
    }
}
