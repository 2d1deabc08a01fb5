namespace Beacon.Storage.Sqlite;

using System.Runtime.CompilerServices;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Beacon.Training.Schedules;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Export and import of the whole SQLite store for <c>storage copy</c>. Export pages learner keys
/// (keyset paging on the primary keys, no connection held between pages) and reads each learner
/// with the live stores' own queries (tenants for handoffs, campaigns and grants). Import writes one
/// learner's records (or claims) in one transaction with <c>INSERT ... ON CONFLICT DO UPDATE</c>, so
/// running it twice leaves the same rows; rows with a version column get a fresh one.
/// </summary>
public sealed class SqliteStoreTransfer : IStoreExport, IStoreImport
{
    private readonly SqliteDatabase database;
    private readonly SqliteLearnerStore learners;
    private readonly SqliteAnswerStore answers;
    private readonly SqliteReviewStore reviews;
    private readonly SqliteHandoffLog handoffs;
    private readonly SqliteScheduleStore schedules;
    private readonly SqliteCampaignStore campaigns;
    private readonly SqliteManagerGrantStore grants;
    private readonly SqliteSafeguardingRouteStore routes;

    public SqliteStoreTransfer(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        learners = new SqliteLearnerStore(database);
        answers = new SqliteAnswerStore(database);
        reviews = new SqliteReviewStore(database);
        handoffs = new SqliteHandoffLog(database);
        schedules = new SqliteScheduleStore(database);
        campaigns = new SqliteCampaignStore(database);
        grants = new SqliteManagerGrantStore(database);
        routes = new SqliteSafeguardingRouteStore(database);
    }

    public async IAsyncEnumerable<Learner> ExportLearnersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in KeysAsync("SELECT tenant_id, learner_id FROM learners", cancellationToken).ConfigureAwait(false))
        {
            if (await learners.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } learner)
            {
                yield return learner;
            }
        }
    }

    public async IAsyncEnumerable<LearnerRecords> ExportRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string Keys = """
            SELECT tenant_id, learner_id FROM issued_questions
            UNION SELECT tenant_id, learner_id FROM answers
            UNION SELECT tenant_id, learner_id FROM review_states
            """;
        await foreach (var key in KeysAsync(Keys, cancellationToken).ConfigureAwait(false))
        {
            var issued = await ListIssuedAsync(key, cancellationToken).ConfigureAwait(false);
            var answered = await answers.ListAnswersAsync(key, cancellationToken).ConfigureAwait(false);
            var states = await reviews.ListAsync(key, cancellationToken).ConfigureAwait(false);
            yield return new LearnerRecords(key, issued, answered, states);
        }
    }

    public async IAsyncEnumerable<HandoffRecord> ExportHandoffsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in KeysAsync("SELECT tenant_id, '' AS learner_id FROM handoffs", cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in await handoffs.ListAsync(tenant.TenantId, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    public async IAsyncEnumerable<PersonalSchedule> ExportSchedulesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in KeysAsync("SELECT tenant_id, learner_id FROM schedules", cancellationToken).ConfigureAwait(false))
        {
            if (await schedules.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } schedule)
            {
                yield return schedule;
            }
        }
    }

    public async IAsyncEnumerable<Campaign> ExportCampaignsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in KeysAsync("SELECT tenant_id, '' AS learner_id FROM campaigns", cancellationToken).ConfigureAwait(false))
        {
            foreach (var campaign in await campaigns.ListAsync(tenant.TenantId, cancellationToken).ConfigureAwait(false))
            {
                yield return campaign;
            }
        }
    }

    public async IAsyncEnumerable<ManagerGrant> ExportManagerGrantsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in KeysAsync("SELECT tenant_id, '' AS learner_id FROM manager_grants", cancellationToken).ConfigureAwait(false))
        {
            foreach (var grant in await grants.ListAsync(tenant.TenantId, cancellationToken).ConfigureAwait(false))
            {
                yield return grant;
            }
        }
    }

    public async IAsyncEnumerable<SafeguardingRoute> ExportSafeguardingRoutesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var route in await routes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return route;
        }
    }

    public async IAsyncEnumerable<LearnerDeliveryClaims> ExportDeliveryClaimsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string Keys = "SELECT tenant_id, learner_id FROM delivery_claims UNION SELECT tenant_id, learner_id FROM nudge_claims " +
            "UNION SELECT tenant_id, learner_id FROM announcement_claims";
        await foreach (var key in KeysAsync(Keys, cancellationToken).ConfigureAwait(false))
        {
            var claims = new List<DeliveryClaim>();
            foreach (var kind in Enum.GetValues<ClaimKind>())
            {
                claims.AddRange(await ListClaimsAsync(key, kind, cancellationToken).ConfigureAwait(false));
            }

            yield return new LearnerDeliveryClaims(key, claims);
        }
    }

    public Task ImportScheduleAsync(PersonalSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteAsync(
            $"""
            INSERT INTO schedules ({SqliteScheduleStore.Columns})
            VALUES ($tenant, $learner, $enabled, $days, $local_time, $time_zone, $quiet_start, $quiet_end, $paused_at, $paused_until, $updated_at, 1)
            ON CONFLICT (tenant_id, learner_id) DO UPDATE SET
                enabled = excluded.enabled, days = excluded.days, local_time = excluded.local_time, time_zone = excluded.time_zone,
                quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, paused_at = excluded.paused_at,
                paused_until = excluded.paused_until, updated_at = excluded.updated_at, version = schedules.version + 1;
            """,
            command => SqliteScheduleStore.Bind(command, schedule),
            cancellationToken);
    }

    public Task ImportCampaignAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return WriteAsync(
            $"""
            INSERT INTO campaigns ({SqliteCampaignStore.Columns})
            VALUES ($tenant, $campaign, $name, $created_by, $status, $audience_kind, $team_id, $team_name, $audience, $tracks, $topics,
                    $start_date, $end_date, $days, $local_time, $questions, $pre, $post, $nudges, $created_at, $updated_at, 1, $announcement, $report_group)
            ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET
                name = excluded.name, created_by = excluded.created_by, status = excluded.status, audience_kind = excluded.audience_kind,
                team_id = excluded.team_id, team_name = excluded.team_name, audience = excluded.audience, tracks = excluded.tracks,
                topics = excluded.topics, start_date = excluded.start_date, end_date = excluded.end_date, days = excluded.days,
                local_time = excluded.local_time, questions_per_session = excluded.questions_per_session,
                pre_assessment = excluded.pre_assessment, post_assessment = excluded.post_assessment, nudges = excluded.nudges,
                created_at = excluded.created_at, updated_at = excluded.updated_at, version = campaigns.version + 1,
                announcement = excluded.announcement, report_group = excluded.report_group;
            """,
            command => SqliteCampaignStore.Bind(command, campaign),
            cancellationToken);
    }

    public Task ImportManagerGrantAsync(ManagerGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return WriteAsync(
            """
            INSERT INTO manager_grants (tenant_id, learner_id, display_name, granted_by, granted_at)
            VALUES ($tenant, $learner, $display_name, $granted_by, $granted_at)
            ON CONFLICT (tenant_id, learner_id) DO UPDATE SET
                display_name = excluded.display_name, granted_by = excluded.granted_by, granted_at = excluded.granted_at;
            """,
            command =>
            {
                Add(command, "$tenant", grant.TenantId);
                Add(command, "$learner", grant.LearnerId);
                Add(command, "$display_name", grant.DisplayName);
                Add(command, "$granted_by", grant.GrantedBy);
                Add(command, "$granted_at", StoredTime.Format(grant.GrantedAt));
            },
            cancellationToken);
    }

    public Task ImportSafeguardingRouteAsync(SafeguardingRoute route, CancellationToken cancellationToken) =>
        routes.SaveAsync(route, cancellationToken); // one row per tenant, replaced

    public Task ImportDeliveryClaimsAsync(LearnerDeliveryClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Claims.FirstOrDefault(c => c.Learner != claims.Learner) is { } stray)
        {
            throw new ArgumentException($"A claim of {stray.Learner} is among the claims of {claims.Learner}.", nameof(claims));
        }

        return database.RunWriteAloneAsync(
            async (connection, ct) =>
            {
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    foreach (var claim in claims.Claims)
                    {
                        await ExecuteAsync(connection, transaction, $"""
                            INSERT INTO {SqliteDeliveryClaimStore.Table(claim.Kind)} ({SqliteDeliveryClaimStore.Columns})
                            VALUES ($tenant, $learner, $date, $owner, $source, $claimed_at, $status, $completed_at, $activity_id, $attempts)
                            ON CONFLICT {SqliteDeliveryClaimStore.Key(claim.Kind)} DO UPDATE SET
                                owner = excluded.owner, source = excluded.source, claimed_at = excluded.claimed_at,
                                status = excluded.status, completed_at = excluded.completed_at,
                                activity_id = excluded.activity_id, attempts = excluded.attempts;
                            """,
                            command => SqliteDeliveryClaimStore.Bind(command, claim),
                            ct).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            committed: null,
            cancellationToken);
    }

    public Task ImportHandoffAsync(HandoffRecord record, CancellationToken cancellationToken) =>
        handoffs.RecordAsync(record, cancellationToken); // INSERT ... ON CONFLICT DO NOTHING

    public Task ImportLearnerAsync(Learner learner, CancellationToken cancellationToken) =>
        learners.UpsertAsync(learner, cancellationToken); // replaces the profile, keeps a recorded welcome

    public Task ImportRecordsAsync(LearnerRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        // Through the writers' queue, so the cache forgets the learner right after this commit and before any later write is applied.
        return database.RunWriteAloneAsync(
            async (connection, ct) =>
            {
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    foreach (var issued in records.Issued)
                    {
                        await ExecuteAsync(connection, transaction, """
                            INSERT INTO issued_questions (tenant_id, learner_id, prompt_id, question_id, question_version, issued_at, on_demand, option_order, refresher_id)
                            VALUES ($tenant, $learner, $prompt, $question, $version, $issued_at, $on_demand, $option_order, $refresher_id)
                            ON CONFLICT (tenant_id, learner_id, prompt_id) DO UPDATE SET
                                question_id = excluded.question_id, question_version = excluded.question_version,
                                issued_at = excluded.issued_at, on_demand = excluded.on_demand,
                                option_order = excluded.option_order, refresher_id = excluded.refresher_id;
                            """,
                            command =>
                            {
                                Add(command, "$tenant", issued.Learner.TenantId);
                                Add(command, "$learner", issued.Learner.LearnerId);
                                Add(command, "$prompt", issued.PromptId);
                                Add(command, "$question", issued.QuestionId);
                                Add(command, "$version", issued.QuestionVersion);
                                Add(command, "$issued_at", StoredTime.Format(issued.IssuedAt));
                                Add(command, "$on_demand", issued.OnDemand ? 1 : 0);
                                Add(command, "$option_order", issued.OptionOrder?.ToStored());
                                Add(command, "$refresher_id", issued.RefresherId);
                            },
                            ct).ConfigureAwait(false);
                    }

                    foreach (var answer in records.Answers)
                    {
                        await ExecuteAsync(connection, transaction, """
                            INSERT INTO answers (tenant_id, learner_id, prompt_id, question_id, question_version, option_id, correct, confidence,
                                                 issued_at, answered_at, answered_at_utc_ticks)
                            VALUES ($tenant, $learner, $prompt, $question, $version, $option, $correct, $confidence, $issued_at, $answered_at, $ticks)
                            ON CONFLICT (tenant_id, learner_id, prompt_id) DO UPDATE SET
                                question_id = excluded.question_id, question_version = excluded.question_version,
                                option_id = excluded.option_id, correct = excluded.correct, confidence = excluded.confidence,
                                issued_at = excluded.issued_at, answered_at = excluded.answered_at,
                                answered_at_utc_ticks = excluded.answered_at_utc_ticks;
                            """,
                            command =>
                            {
                                Add(command, "$tenant", answer.Learner.TenantId);
                                Add(command, "$learner", answer.Learner.LearnerId);
                                Add(command, "$prompt", answer.PromptId);
                                Add(command, "$question", answer.QuestionId);
                                Add(command, "$version", answer.QuestionVersion);
                                Add(command, "$option", answer.OptionId);
                                Add(command, "$correct", answer.Correct ? 1 : 0);
                                Add(command, "$confidence", (int)answer.Confidence);
                                Add(command, "$issued_at", StoredTime.Format(answer.IssuedAt));
                                Add(command, "$answered_at", StoredTime.Format(answer.AnsweredAt));
                                Add(command, "$ticks", answer.AnsweredAt.UtcTicks);
                            },
                            ct).ConfigureAwait(false);
                    }

                    foreach (var state in records.Reviews)
                    {
                        await ExecuteAsync(connection, transaction, """
                            INSERT INTO review_states (tenant_id, learner_id, question_id, phase, stability, difficulty, due, last_review,
                                                       reps, lapses, step, version)
                            VALUES ($tenant, $learner, $question, $phase, $stability, $difficulty, $due, $last_review, $reps, $lapses, $step, 1)
                            ON CONFLICT (tenant_id, learner_id, question_id) DO UPDATE SET
                                phase = excluded.phase, stability = excluded.stability, difficulty = excluded.difficulty,
                                due = excluded.due, last_review = excluded.last_review, reps = excluded.reps,
                                lapses = excluded.lapses, step = excluded.step, version = review_states.version + 1;
                            """,
                            command =>
                            {
                                Add(command, "$tenant", state.Learner.TenantId);
                                Add(command, "$learner", state.Learner.LearnerId);
                                Add(command, "$question", state.QuestionId);
                                Add(command, "$phase", (int)state.Phase);
                                Add(command, "$stability", state.Stability);
                                Add(command, "$difficulty", state.Difficulty);
                                Add(command, "$due", StoredTime.Format(state.Due));
                                Add(command, "$last_review", StoredTime.Format(state.LastReview));
                                Add(command, "$reps", state.Reps);
                                Add(command, "$lapses", state.Lapses);
                                Add(command, "$step", state.Step);
                            },
                            ct).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            _ => database.Cache.Forget(records.Learner),
            cancellationToken);
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var command = CreateCommand(connection, sql, transaction);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<int> WriteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, sql);
                await using (command.ConfigureAwait(false))
                {
                    bind(command);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>Distinct (tenant, learner) keys of <paramref name="source"/>, in key order, one page per query.</summary>
    private async IAsyncEnumerable<LearnerKey> KeysAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LearnerKey? after = null;
        while (true)
        {
            var page = await database.RunAsync<IReadOnlyList<LearnerKey>>(
                async (connection, ct) =>
                {
                    var command = CreateCommand(connection, $"""
                        SELECT DISTINCT tenant_id, learner_id FROM ({source})
                        WHERE $after_tenant IS NULL OR (tenant_id, learner_id) > ($after_tenant, $after_learner)
                        ORDER BY tenant_id, learner_id
                        LIMIT $limit;
                        """);
                    await using (command.ConfigureAwait(false))
                    {
                        Add(command, "$after_tenant", after?.TenantId);
                        Add(command, "$after_learner", after?.LearnerId);
                        Add(command, "$limit", database.ListPageSize);
                        var keys = new List<LearnerKey>();
                        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                            {
                                keys.Add(new LearnerKey(reader.GetString(0), reader.GetString(1)));
                            }
                        }

                        return keys;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var key in page)
            {
                yield return key;
            }

            if (page.Count < database.ListPageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }

    private Task<IReadOnlyList<IssuedQuestion>> ListIssuedAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<IssuedQuestion>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT prompt_id, question_id, question_version, issued_at, on_demand, option_order, refresher_id FROM issued_questions
                    WHERE tenant_id = $tenant AND learner_id = $learner
                    ORDER BY prompt_id;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var issued = new List<IssuedQuestion>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            issued.Add(new IssuedQuestion(
                                learner,
                                reader.GetString(0),
                                reader.GetString(1),
                                reader.GetInt32(2),
                                StoredTime.Parse(reader.GetString(3)),
                                reader.GetInt64(4) != 0)
                            {
                                OptionOrder = OptionOrder.FromStored(GetNullableString(reader, 5)),
                                RefresherId = GetNullableString(reader, 6),
                            });
                        }
                    }

                    return issued;
                }
            },
            cancellationToken);

    private Task<IReadOnlyList<DeliveryClaim>> ListClaimsAsync(LearnerKey learner, ClaimKind kind, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DeliveryClaim>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    SELECT {SqliteDeliveryClaimStore.Columns} FROM {SqliteDeliveryClaimStore.Table(kind)}
                    WHERE tenant_id = $tenant AND learner_id = $learner
                    ORDER BY local_date;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var claims = new List<DeliveryClaim>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            claims.Add(SqliteDeliveryClaimStore.Read(reader) with { Kind = kind });
                        }
                    }

                    return claims;
                }
            },
            cancellationToken);
}
