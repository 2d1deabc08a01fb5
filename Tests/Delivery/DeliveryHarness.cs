namespace Beacon.Tests.Delivery;

using System.Collections.Concurrent;
using Beacon.Bot.Delivery;
using Beacon.Bot.Protocol;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Scheduler;
using Beacon.Tests.Storage;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The delivery pipeline on a real SQLite store in a temp folder, with a channel of the test's
/// choice (the HTTP emulator through the real connector channel, or an in-memory recorder) and a
/// clock of the test's choice.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    public const string Tenant = "tenant-1";

    private readonly TempDirectory directory = new();
    private readonly HttpClient? httpClient;

    public DeliveryHarness(TimeProvider clock, IDeliveryChannel? channel = null, Uri? serviceUrl = null, DeliveryOptions? options = null,
        RateLimitOptions? limits = null, TimeSpan? requestTimeout = null, SqliteDatabase? sharedDatabase = null, string instance = "test")
    {
        Clock = clock;
        Database = sharedDatabase ?? new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        OwnsDatabase = sharedDatabase is null;
        ServiceUrl = serviceUrl ?? new Uri("https://smba.example.test/");
        Learners = new SqliteLearnerStore(Database);
        Answers = new SqliteAnswerStore(Database);
        Reviews = new SqliteReviewStore(Database);
        Schedules = new SqliteScheduleStore(Database);
        Claims = new SqliteDeliveryClaimStore(Database);
        Campaigns = new SqliteCampaignStore(Database);
        Options = (options ?? new DeliveryOptions { BaseBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200) }) with { InstanceId = instance };
        Limiter = new TeamsRateLimiter(limits ?? new RateLimitOptions(), clock);
        if (channel is null)
        {
            httpClient = new HttpClient { Timeout = requestTimeout ?? TimeSpan.FromSeconds(10) };
            channel = new ConnectorDeliveryChannel(
                httpClient,
                new NoConnectorTokenProvider(),
                new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(new BotOptions())),
                NullLogger<ConnectorDeliveryChannel>.Instance);
        }

        Channel = channel;
        var composer = new SessionComposer(new FsrsMemoryModel(new FsrsOptions()));
        Sessions = new CampaignSessions(Pack, composer);
        Delivery = new SessionDelivery(
            Pack, Learners, Answers, Reviews, Claims, composer, Sessions, channel, Limiter, Options, Shuffler, clock, NullLogger<SessionDelivery>.Instance);
        var candidates = new DeliveryCandidates(Schedules, Learners, Campaigns, Options);
        Runner = new DeliveryRunner(candidates, Delivery, Options, NullLogger<DeliveryRunner>.Instance);
        Nudges = new NudgeRunner(candidates, Claims, Answers, Delivery, Options, NullLogger<NudgeRunner>.Instance);
        Announcements = new AnnouncementRunner(Campaigns, Delivery, Options, NullLogger<AnnouncementRunner>.Instance);
    }

    public static ContentPack Pack { get; } = SchedulerTestData.Pack(
        Enumerable.Range(1, 12).Select(i => SchedulerTestData.Question($"q{i}", Topic.All[i % Topic.All.Count])).ToList());

    public TimeProvider Clock { get; }

    /// <summary>Seeded, so the option orders a run issues are the same every run.</summary>
    public OptionShuffler Shuffler { get; } = new(new Random(22));

    public SqliteDatabase Database { get; }

    private bool OwnsDatabase { get; }

    public Uri ServiceUrl { get; }

    public SqliteLearnerStore Learners { get; }

    public SqliteAnswerStore Answers { get; }

    public SqliteReviewStore Reviews { get; }

    public SqliteScheduleStore Schedules { get; }

    public SqliteDeliveryClaimStore Claims { get; }

    public SqliteCampaignStore Campaigns { get; }

    public CampaignSessions Sessions { get; }

    public NudgeRunner Nudges { get; }

    public AnnouncementRunner Announcements { get; }

    public DeliveryOptions Options { get; }

    public TeamsRateLimiter Limiter { get; }

    public IDeliveryChannel Channel { get; }

    public SessionDelivery Delivery { get; }

    public DeliveryRunner Runner { get; }

    public static LearnerKey Key(int i) => new(Tenant, "user-" + i);

    /// <summary>A learner with a personal conversation (the emulator's id for them) and, unless null, a personal schedule.</summary>
    public async Task<Learner> AddLearnerAsync(int i, string? timeZone, PersonalSchedule? schedule = null, bool withSchedule = true)
    {
        var key = Key(i);
        var learner = new Learner
        {
            Key = key,
            TimeZone = timeZone,
            CreatedAt = Clock.GetUtcNow(),
            Address = new ConversationAddress(ServiceUrl.AbsoluteUri, "msteams", TeamsEmulator.ConnectorEmulator.PersonalConversationId(key.LearnerId), "bot-1", key.LearnerId, Tenant),
        };
        await Learners.UpsertAsync(learner, CancellationToken.None);
        if (withSchedule)
        {
            await Schedules.SaveAsync(schedule ?? new PersonalSchedule { Learner = key, Days = Weekdays.Every, UpdatedAt = Clock.GetUtcNow() }, CancellationToken.None);
        }

        return learner;
    }

    public async ValueTask DisposeAsync()
    {
        httpClient?.Dispose();
        if (OwnsDatabase)
        {
            Database.Dispose();
        }

        await Task.Yield();
        directory.Dispose();
    }
}

/// <summary>An in-memory channel: accepts everything (or what the test scripts), recording each send with the clock's time.</summary>
internal sealed class RecordingChannel(TimeProvider clock) : IDeliveryChannel
{
    private readonly ConcurrentQueue<(string UserId, string ConversationId, DateOnly LocalDate, DateTimeOffset At)> sent = new();
    private readonly ConcurrentQueue<(string UserId, NudgeMessage Message, DateTimeOffset At)> nudges = new();
    private readonly ConcurrentQueue<(string UserId, SessionMessage Message)> messages = new();
    private readonly ConcurrentQueue<(string UserId, string ConversationId, string CampaignId)> announcements = new();

    /// <summary>The session messages sent, with what they asked.</summary>
    public IReadOnlyCollection<(string UserId, SessionMessage Message)> Messages => messages;

    /// <summary>The campaign announcements sent: to whom, in which conversation, for which campaign.</summary>
    public IReadOnlyCollection<(string UserId, string ConversationId, string CampaignId)> Announcements => announcements;

    /// <summary>The reminders sent.</summary>
    public IReadOnlyCollection<(string UserId, NudgeMessage Message, DateTimeOffset At)> Nudges => nudges;

    public IReadOnlyCollection<(string UserId, string ConversationId, DateOnly LocalDate, DateTimeOffset At)> Sent => sent;

    /// <summary>Scripted answers per conversation id, used in order before falling back to Ok.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<ChannelResult>> Script { get; } = new();

    public int Creates { get; private set; }

    public Task<ChannelResult> SendSessionAsync(ConversationAddress address, SessionMessage message, CancellationToken cancellationToken)
    {
        if (Script.TryGetValue(address.ConversationId, out var queue) && queue.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        sent.Enqueue((address.UserId, address.ConversationId, message.LocalDate, clock.GetUtcNow()));
        messages.Enqueue((address.UserId, message));
        return Task.FromResult(ChannelResult.Ok("activity-" + sent.Count));
    }

    public Task<ChannelResult> SendNudgeAsync(ConversationAddress address, NudgeMessage message, CancellationToken cancellationToken)
    {
        nudges.Enqueue((address.UserId, message, clock.GetUtcNow()));
        return Task.FromResult(ChannelResult.Ok("nudge-" + nudges.Count));
    }

    public Task<ChannelResult> SendAnnouncementAsync(ConversationAddress address, AnnouncementMessage message, CancellationToken cancellationToken)
    {
        if (Script.TryGetValue(address.ConversationId, out var queue) && queue.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        announcements.Enqueue((address.UserId, address.ConversationId, message.Campaign.Id));
        return Task.FromResult(ChannelResult.Ok("announcement-" + announcements.Count));
    }

    /// <summary>A conversation for someone Beacon has not met yet is "personal:{user id}"; a recreated one gets ":new".</summary>
    public Task<ChannelResult> CreatePersonalConversationAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        Creates++;
        return Task.FromResult(ChannelResult.Ok(address.ConversationId.Length == 0 ? "personal:" + address.UserId : address.ConversationId + ":new"));
    }
}
