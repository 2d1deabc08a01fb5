namespace Beacon.Tests.Reporting;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static Beacon.Tests.Support.CardJsonQueries;

/// <summary>How guidance speaks: the thanks, the words for a person writing about themselves, the region's own numbers.</summary>
public sealed partial class GuidanceVoiceTests
{
    private const string Disclosure = "they took my passport and I can't leave";
    private const string Concern = "a worker on site says he has to pay back 8000 dollars before he can go home";
    private static readonly ContentPack Pack = ContentPackLoader.LoadOrThrow(RepositoryRoot.Combine("content"));

    public static TheoryData<string> RegionCodes => [.. Pack.Regions.Select(region => region.Code)];

    [Theory]
    [MemberData(nameof(RegionCodes))]
    public async Task Every_emergency_mention_uses_the_region_s_own_number_and_911_only_where_it_is_the_number(string code)
    {
        var region = Pack.FindRegion(code)!;
        var country = region.Countries.Count > 0 ? region.Countries[0] : null;
        var mentions = new List<string>();
        foreach (var text in new[] { null, "report", Concern, Disclosure })
        {
            var view = Composer().Compose(new GuidanceRequest("t", country, code, "healthcare") { Text = text });
            mentions.Add(string.Join('\n', Texts(CardJson.ToJsonObject(GuidanceCard.Build(view)))));
            mentions.Add(GuidanceCard.Build(view).Speak!);
            mentions.Add(GuidanceCard.Build(view).FallbackText!);
        }

        // What a group chat sees: the pointer to the private chat, for a learner whose Teams client is in the region.
        foreach (var text in new[] { "report", Disclosure })
        {
            var sent = await PointerInGroupChatAsync(country, code, text);
            mentions.Add(string.Join('\n', Texts(CardJson.ToJsonObject(sent))));
        }

        foreach (var mention in mentions)
        {
            Assert.Contains($"call {region.Emergency.Number}", mention, StringComparison.Ordinal);
            var otherNumbers = Pack.Regions.Select(r => r.Emergency.Number).Where(n => n != region.Emergency.Number).Distinct();
            Assert.All(otherNumbers, other => Assert.DoesNotContain($"call {other}", mention, StringComparison.Ordinal));
            if (region.Emergency.Number != "911")
            {
                Assert.DoesNotMatch(NineOneOne(), mention);
            }
        }
    }

    [Theory]
    [InlineData("US", "911")]
    [InlineData("CA", "911")]
    [InlineData("UK", "999")]
    [InlineData("IE", "112")]
    [InlineData("AU", "000")]
    [InlineData("NZ", "111")]
    [InlineData("EU", "112")]
    [InlineData("INTL", "112")]
    public void The_issue_s_regions_carry_their_own_emergency_number(string code, string number) =>
        Assert.Equal(number, Pack.FindRegion(code)!.Emergency.Number);

    [Fact]
    public void Guidance_opens_with_one_line_of_thanks_that_fits_how_it_was_asked()
    {
        string Opening(string? text) => Texts(CardJson.ToJsonObject(GuidanceCard.Build(Composer().Compose(new GuidanceRequest("t", "GB", null, null) { Text = text }))))[0];

        Assert.Equal(SafetyAdvice.ThanksForAsking, Opening(null));
        Assert.Equal(SafetyAdvice.ThanksForRaising, Opening(Concern));
        Assert.Equal(SafetyAdvice.ThanksForTelling, Opening(Disclosure));
        Assert.All(new[] { SafetyAdvice.ThanksForAsking, SafetyAdvice.ThanksForRaising, SafetyAdvice.ThanksForTelling }, line =>
        {
            Assert.StartsWith("Thank you", line, StringComparison.Ordinal);
            Assert.True(line.Length <= 60, line);
            Assert.DoesNotContain("!", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_bare_report_is_thanked_for_asking_not_for_raising_a_concern()
    {
        var view = Composer().Compose(new GuidanceRequest("t", "GB", null, null) { Text = "report", OfferProgressReport = true });

        Assert.Equal(SafetyAdvice.ThanksForAsking, view.Acknowledgement);
    }

    [Theory]
    [InlineData("UK", "999", "Modern Slavery & Exploitation Helpline (run by the charity Unseen)")]
    [InlineData("US", "911", "National Human Trafficking Hotline (run by Compass Connections, San Antonio, Texas, under an HHS grant)")]
    [InlineData("AU", "000", "Australian Federal Police (131 AFP)")]
    public void A_disclosure_is_addressed_to_the_person_emergency_first_then_rights_then_who_to_call_then_the_organisation(
        string code, string emergency, string line)
    {
        var composer = Composer(new SafeguardingContact { Name = "Dana Shah, safeguarding lead", HowToReach = "extension 4410" });
        var view = composer.Compose(new GuidanceRequest("t", null, code, "healthcare") { Text = "my boss keeps my ID" });
        var texts = Texts(CardJson.ToJsonObject(GuidanceCard.Build(view)));

        Assert.Equal(GuidanceVoice.Disclosure, view.Voice);
        Assert.Equal(SafetyAdvice.ThanksForTelling, texts[0]);
        Assert.Equal($"If you are in danger now, call {emergency}.", texts[1]);
        var rights = texts.FindIndex(t => t.Contains("not your fault", StringComparison.Ordinal));
        var specialist = texts.FindIndex(t => t == line);
        var organisation = texts.FindIndex(t => t.Contains("Dana Shah", StringComparison.Ordinal));
        Assert.True(rights > 1 && specialist > rights && organisation > specialist, string.Join(" | ", texts));
        Assert.Contains(texts, t => t.Contains("can ask for help to leave", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is "What to note" or "Do not");
        Assert.DoesNotContain(texts, t => t.Contains("the person you are worried about", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("patient", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disclosure_calls_a_line_confidential_only_where_the_content_says_so()
    {
        foreach (var region in Pack.Regions)
        {
            var texts = Texts(CardJson.ToJsonObject(GuidanceCard.Build(Composer().Compose(new GuidanceRequest("t", null, region.Code, null) { Text = Disclosure }))));
            var sayingSo = region.Lines.Where(l => l.Hours?.Contains("confidential", StringComparison.OrdinalIgnoreCase) == true).Select(l => l.Name).ToList();
            var claims = texts.Where(t => t.StartsWith("They can talk it through", StringComparison.Ordinal)).ToList();
            if (sayingSo.Count == 0)
            {
                Assert.Empty(claims);
                Assert.DoesNotContain(texts, t => t.Contains("confidential", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                var claim = Assert.Single(claims);
                Assert.All(sayingSo, name => Assert.Contains(name, claim, StringComparison.Ordinal));
                Assert.All(region.Lines.Select(l => l.Name).Except(sayingSo), name => Assert.DoesNotContain(name, claim, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Someone_writing_about_another_person_gets_the_professional_s_guidance()
    {
        var view = Composer().Compose(new GuidanceRequest("t", "GB", null, "healthcare") { Text = "my patient told me they took her passport" });

        Assert.Equal(GuidanceVoice.Observer, view.Voice);
        Assert.Equal(SafetyAdvice.ToNote("healthcare"), view.ToNote);
        Assert.Empty(view.YourRights);
    }

    [Fact]
    public void With_no_region_known_the_card_says_which_it_shows_and_every_other_region_is_one_tap_away()
    {
        var view = Composer().Compose(new GuidanceRequest("t", null, null, null) { Text = "who do I call" });
        var card = CardJson.ToJsonObject(GuidanceCard.Build(view));

        Assert.True(view.RegionIsAssumed);
        var fallback = Pack.FindRegion(Pack.DefaultRegionCode)!;
        Assert.Contains(Texts(card), t => t.Contains($"this shows **{fallback.Name}**", StringComparison.Ordinal));
        var picks = ShownRegionButtons(card);
        Assert.Equal(Pack.Regions.Select(r => r.Code).Where(c => c != fallback.Code).Order(), picks.Order());
    }

    [Theory]
    [InlineData("GB", null, null)]
    [InlineData(null, "NZ", null)]
    [InlineData(null, null, "IE")]
    public void A_known_region_is_not_called_a_guess_and_keeps_the_other_regions_behind_one_button(string? country, string? picked, string? tenantDefault)
    {
        var composer = Composer(tenantDefault is null ? null : new SafeguardingContact { Name = "Lead", HowToReach = "x", DefaultRegion = tenantDefault });
        var view = composer.Compose(new GuidanceRequest("t", country, picked, null));
        var card = CardJson.ToJsonObject(GuidanceCard.Build(view));

        Assert.False(view.RegionIsAssumed);
        Assert.DoesNotContain(Texts(card), t => t.Contains("I don't know which country", StringComparison.Ordinal));
        Assert.Empty(ShownRegionButtons(card));
        Assert.Equal(Pack.Regions.Count - 1, ExecuteActions(card, Verbs.ReportRegion).Count);
    }

    [Fact]
    public void A_country_Beacon_has_no_region_for_still_gets_the_fallback_said_out_loud()
    {
        var view = Composer().Compose(new GuidanceRequest("t", "AQ", null, null));

        Assert.True(view.RegionIsAssumed);
        Assert.Equal(Pack.DefaultRegionCode, view.RegionCode);
    }

    [Fact]
    public async Task Switching_region_from_a_disclosure_keeps_speaking_to_the_person()
    {
        var flow = new ReportFlow(Composer(), new RegionFromWords(Pack), Learners().Object, TimeProvider.System, NullLogger<ReportFlow>.Instance);
        var view = Composer().Compose(new GuidanceRequest("t", null, null, null) { Text = Disclosure });
        var nz = ExecuteActions(CardJson.ToJsonObject(GuidanceCard.Build(view)), Verbs.ReportRegion).Single(a => (string?)a["data"]!["region"] == "NZ");
        var data = nz["data"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);

        var card = await flow.ChangeRegionAsync(Incoming(TurnKind.CardAction, null, null) with { Verb = Verbs.ReportRegion, Data = data }, "NZ", default);

        var texts = Texts(CardJson.ToJsonObject(card!));
        Assert.Equal(SafetyAdvice.ThanksForTelling, texts[0]);
        Assert.Equal("If you are in danger now, call 111.", texts[1]);
    }

    private static IEnumerable<string> ShownRegionButtons(JsonObject card) =>
        Beacon.Tests.Cards.CardTree.ShownActions(card)
            .Where(a => (string?)a["verb"] == Verbs.ReportRegion)
            .Select(a => (string)a["data"]![CardData.Region]!);

    private static async Task<AdaptiveCard> PointerInGroupChatAsync(string? country, string savedRegion, string text)
    {
        var learners = Learners(new Learner { Key = new LearnerKey("t", "aad-1"), ReportingRegion = savedRegion });
        var flow = new ReportFlow(Composer(), new RegionFromWords(Pack), learners.Object, TimeProvider.System, NullLogger<ReportFlow>.Instance);
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(Incoming(TurnKind.Message, text, country) with { ConversationType = ConversationType.GroupChat });
        var sent = new List<OutgoingMessage>();
        turn.Setup(t => t.SendAsync(Moq.Capture.In(sent), It.IsAny<CancellationToken>())).ReturnsAsync("sent");
        turn.Setup(t => t.SendPersonalAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ConversationAddress("http://127.0.0.1:9/", "msteams", "personal", "28:beacon", "29:user-1", "t"));

        await flow.SendAsync(turn.Object, default);

        return Assert.Single(sent).Card!;
    }

    private static Mock<ILearnerStore> Learners(Learner? learner = null)
    {
        var store = new Mock<ILearnerStore>();
        store.Setup(s => s.GetAsync(It.IsAny<LearnerKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(learner);
        return store;
    }

    private static IncomingTurn Incoming(TurnKind kind, string? text, string? country) => new()
    {
        Kind = kind,
        ActivityId = "a-1",
        From = new TurnUser("29:user-1", "aad-1", "Sam Rivera"),
        TenantId = "t",
        ConversationType = ConversationType.Personal,
        Address = new ConversationAddress("http://127.0.0.1:9/", "msteams", "conv-1", "28:beacon", "29:user-1", "t"),
        Text = text,
        Country = country,
    };

    private static GuidanceComposer Composer(SafeguardingContact? contact = null)
    {
        var directory = new Mock<ISafeguardingDirectory>();
        directory.Setup(d => d.Find(It.IsAny<string>())).Returns(contact);
        return new GuidanceComposer(Pack, directory.Object);
    }

    [GeneratedRegex(@"(?<!\d)911(?!\d)")]
    private static partial Regex NineOneOne();
}
