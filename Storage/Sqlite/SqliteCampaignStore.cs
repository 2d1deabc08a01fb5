namespace Beacon.Storage.Sqlite;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Campaigns in <c>campaigns</c>, keyed by tenant then campaign, with optimistic concurrency by row
/// version (like schedules). The audience's learner ids, tracks and topics are JSON arrays; "forget me"
/// takes a learner out of the audience arrays with SQLite's JSON functions (<see cref="SqliteLearnerEraser"/>).
/// </summary>
public sealed class SqliteCampaignStore : ICampaignStore
{
    internal const string Columns = """
        tenant_id, campaign_id, name, created_by, status, audience_kind, team_id, team_name, audience, tracks, topics,
        start_date, end_date, days, local_time, questions_per_session, pre_assessment, post_assessment, nudges,
        created_at, updated_at, version, announcement, report_group
        """;

    private readonly SqliteDatabase database;

    public SqliteCampaignStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public async Task<Campaign?> GetAsync(CampaignKey key, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(
            $"SELECT {Columns} FROM campaigns WHERE tenant_id = $tenant AND campaign_id = $campaign;",
            command =>
            {
                Add(command, "$tenant", key.TenantId);
                Add(command, "$campaign", key.CampaignId);
            },
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        long? expected = null;
        if (campaign.ConcurrencyToken is { } token)
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw Conflict(campaign);
            }

            expected = parsed;
        }

        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var sql = expected is null
                    ? $"""
                      INSERT INTO campaigns ({Columns})
                      VALUES ($tenant, $campaign, $name, $created_by, $status, $audience_kind, $team_id, $team_name, $audience, $tracks, $topics,
                              $start_date, $end_date, $days, $local_time, $questions, $pre, $post, $nudges, $created_at, $updated_at, 1, $announcement, $report_group)
                      ON CONFLICT (tenant_id, campaign_id) DO NOTHING
                      RETURNING version;
                      """
                    : """
                      UPDATE campaigns SET
                          name = $name, created_by = $created_by, status = $status, audience_kind = $audience_kind,
                          team_id = $team_id, team_name = $team_name, audience = $audience, tracks = $tracks, topics = $topics,
                          start_date = $start_date, end_date = $end_date, days = $days, local_time = $local_time,
                          questions_per_session = $questions, pre_assessment = $pre, post_assessment = $post, nudges = $nudges,
                          created_at = $created_at, updated_at = $updated_at, version = version + 1, announcement = $announcement,
                          report_group = $report_group
                      WHERE tenant_id = $tenant AND campaign_id = $campaign AND version = $expected
                      RETURNING version;
                      """;
                var command = CreateCommand(connection, sql);
                await using (command.ConfigureAwait(false))
                {
                    Bind(command, campaign);
                    if (expected is { } version)
                    {
                        Add(command, "$expected", version);
                    }

                    var result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    if (result is null or DBNull)
                    {
                        throw Conflict(campaign);
                    }

                    return campaign with { ConcurrencyToken = Convert.ToInt64(result, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) };
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var campaigns = await ReadAsync(
            $"SELECT {Columns} FROM campaigns WHERE tenant_id = $tenant;",
            command => Add(command, "$tenant", tenantId),
            cancellationToken).ConfigureAwait(false);
        return [.. campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async IAsyncEnumerable<Campaign> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (string Tenant, string Campaign)? after = null;
        while (true)
        {
            // Keyset paging on the primary key: stable under concurrent inserts, no OFFSET scans.
            var page = await ReadAsync(
                $"""
                SELECT {Columns} FROM campaigns
                WHERE status = $active AND ($after_tenant IS NULL OR (tenant_id, campaign_id) > ($after_tenant, $after_campaign))
                ORDER BY tenant_id, campaign_id
                LIMIT $limit;
                """,
                command =>
                {
                    Add(command, "$active", (int)CampaignStatus.Active);
                    Add(command, "$after_tenant", after?.Tenant);
                    Add(command, "$after_campaign", after?.Campaign);
                    Add(command, "$limit", database.ListPageSize);
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var campaign in page)
            {
                yield return campaign;
            }

            if (page.Count < database.ListPageSize)
            {
                yield break;
            }

            after = (page[^1].TenantId, page[^1].Id);
        }
    }

    private Task<List<Campaign>> ReadAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, sql);
                await using (command.ConfigureAwait(false))
                {
                    bind(command);
                    var list = new List<Campaign>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            list.Add(Read(reader));
                        }
                    }

                    return list;
                }
            },
            cancellationToken);

    /// <summary>Binds every column but <c>version</c> ($tenant, $campaign, $name, ... $updated_at).</summary>
    internal static void Bind(SqliteCommand command, Campaign campaign)
    {
        Add(command, "$tenant", campaign.TenantId);
        Add(command, "$campaign", campaign.Id);
        Add(command, "$name", campaign.Name);
        Add(command, "$created_by", campaign.CreatedBy);
        Add(command, "$status", (int)campaign.Status);
        Add(command, "$audience_kind", (int)campaign.Audience.Kind);
        Add(command, "$team_id", campaign.Audience.TeamId);
        Add(command, "$team_name", campaign.Audience.TeamName);
        Add(command, "$audience", JsonSerializer.Serialize(campaign.Audience.LearnerIds));
        Add(command, "$tracks", JsonSerializer.Serialize(campaign.Tracks));
        Add(command, "$topics", JsonSerializer.Serialize(campaign.Topics));
        Add(command, "$start_date", SqliteDeliveryClaimStore.FormatDate(campaign.StartDate));
        Add(command, "$end_date", SqliteDeliveryClaimStore.FormatDate(campaign.EndDate));
        Add(command, "$days", (int)campaign.Days);
        Add(command, "$local_time", SqliteScheduleStore.FormatTime(campaign.LocalTime));
        Add(command, "$questions", campaign.QuestionsPerSession);
        Add(command, "$pre", campaign.PreAssessment ? 1 : 0);
        Add(command, "$post", campaign.PostAssessment ? 1 : 0);
        Add(command, "$nudges", campaign.Nudges ? 1 : 0);
        Add(command, "$created_at", StoredTime.Format(campaign.CreatedAt));
        Add(command, "$updated_at", StoredTime.Format(campaign.UpdatedAt));
        Add(command, "$announcement", StoredAnnouncement.Format(campaign.Announcement));
        Add(command, "$report_group", campaign.ReportGroup is { } group ? JsonSerializer.Serialize(group) : null);
    }

    private static Campaign Read(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Id = reader.GetString(1),
        Name = reader.GetString(2),
        CreatedBy = reader.GetString(3),
        Status = (CampaignStatus)reader.GetInt32(4),
        Audience = new CampaignAudience
        {
            Kind = (AudienceKind)reader.GetInt32(5),
            TeamId = GetNullableString(reader, 6),
            TeamName = GetNullableString(reader, 7),
            LearnerIds = StringList(reader.GetString(8)),
        },
        Tracks = StringList(reader.GetString(9)),
        Topics = StringList(reader.GetString(10)),
        StartDate = SqliteDeliveryClaimStore.ParseDate(reader.GetString(11)),
        EndDate = SqliteDeliveryClaimStore.ParseDate(reader.GetString(12)),
        Days = (Weekdays)reader.GetInt32(13),
        LocalTime = SqliteScheduleStore.ParseTime(reader.GetString(14)),
        QuestionsPerSession = reader.GetInt32(15),
        PreAssessment = reader.GetInt32(16) != 0,
        PostAssessment = reader.GetInt32(17) != 0,
        Nudges = reader.GetInt32(18) != 0,
        CreatedAt = StoredTime.Parse(reader.GetString(19)),
        UpdatedAt = StoredTime.Parse(reader.GetString(20)),
        ConcurrencyToken = reader.GetInt64(21).ToString(CultureInfo.InvariantCulture),
        Announcement = StoredAnnouncement.Parse(GetNullableString(reader, 22)),
        ReportGroup = GetNullableString(reader, 23) is { } group ? StringList(group) : null,
    };

    private static List<string> StringList(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static ConcurrencyConflictException Conflict(Campaign campaign) => new(
        campaign.ConcurrencyToken is null
            ? $"The campaign {campaign.Key} already exists."
            : $"The campaign {campaign.Key} changed since token {campaign.ConcurrencyToken} was read.");
}
