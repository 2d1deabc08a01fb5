namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Sessions;
using Beacon.Scheduler.Timing;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;

/// <summary>
/// The personal schedule: the welcome's "every weekday at 9:00" offer, <c>settings</c> (time, days,
/// on/off, the region for reporting guidance), <c>stop</c> (pause or turn off, one tap each), and the
/// vacation hold (<c>pause for two weeks</c>, <c>pause until January 5</c>, <c>resume</c>). A hold
/// freezes delivery and moves every due review forward by its length; resuming early moves them back
/// by the part not used, so the net shift is the time actually paused.
/// </summary>
public sealed class ScheduleFlow(
    IScheduleStore schedules,
    IReviewStore reviews,
    DeliveryOptions options,
    TimeProvider clock,
    ContentPack pack,
    LearnerDirectory learners)
{
    private const int SaveAttempts = 5;

    /// <summary>How long the "stop" card's pause button holds.</summary>
    public const int StopPauseDays = 14;

    /// <summary>The longest hold: longer asks are capped, and the card says so.</summary>
    private const int MaxPauseMonths = 6;

    private static readonly TimeOnly EarliestQuiz = new(6, 0);
    private static readonly TimeOnly LatestQuiz = new(21, 30);

    private static readonly Dictionary<string, Weekdays> DayPresets = new(StringComparer.Ordinal)
    {
        ["weekdays"] = Weekdays.WorkWeek,
        ["everyday"] = Weekdays.Every,
        ["mwf"] = Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday,
        ["tt"] = Weekdays.Tuesday | Weekdays.Thursday,
        ["weekends"] = Weekdays.Weekend,
    };

    /// <summary>A typed command; the answer goes into the conversation.</summary>
    public async Task OnCommandAsync(ITurnContext turn, Learner learner, ScheduleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var card = command.Kind switch
        {
            ScheduleCommandKind.Pause => await PauseAsync(learner, command.Text, cancellationToken).ConfigureAwait(false),
            ScheduleCommandKind.Resume => await ResumeAsync(learner, cancellationToken).ConfigureAwait(false),
            ScheduleCommandKind.QuizTime => await ChangeQuizTimeAsync(learner, command.Text, cancellationToken).ConfigureAwait(false),
            _ => await SettingsAsync(learner, null, cancellationToken).ConfigureAwait(false),
        };
        await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A card action (<see cref="ScheduleVerbs"/>); the card returned replaces the one tapped.</summary>
    public async Task<AdaptiveCard> OnActionAsync(Learner learner, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return verb switch
        {
            ScheduleVerbs.StartDaily => await StartDailyAsync(learner, cancellationToken).ConfigureAwait(false),
            ScheduleVerbs.SaveSettings => await SaveSettingsAsync(learner, data, cancellationToken).ConfigureAwait(false),
            ScheduleVerbs.Resume => await ResumeAsync(learner, cancellationToken).ConfigureAwait(false),
            ScheduleVerbs.PauseFor => await PauseForButtonAsync(learner, data, cancellationToken).ConfigureAwait(false),
            ScheduleVerbs.TurnOff => await TurnOffAsync(learner, cancellationToken).ConfigureAwait(false),
            _ => await SettingsAsync(learner, null, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>"stop", "unsubscribe": pause or turn off, one tap each; never a quiz.</summary>
    public async Task<AdaptiveCard> StopOfferAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var schedule = await schedules.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var view = View(learner, schedule ?? new PersonalSchedule { Learner = learner.Key, Enabled = false }, null);
        return StopOfferCard.Build(new StopOfferView(view.Enabled, view.PausedUntil, StopPauseDays));
    }

    /// <summary>Turns the daily quiz off (the hold, if any, stays); the card offers to turn it back on.</summary>
    public async Task<AdaptiveCard> TurnOffAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var saved = await UpdateAsync(learner.Key, s => s with { Enabled = false }, cancellationToken).ConfigureAwait(false);
        return SettingsCard.Build(View(
            learner,
            saved,
            "Done: your daily quiz is off. Quizzes from a campaign your manager runs still come; to hold those too, pause instead.")
            with { TurnOnTitle = "Turn back on" });
    }

    /// <summary>"change my quiz time to 8am": saves the time when it is one the card offers, else opens the time setting.</summary>
    public async Task<AdaptiveCard> ChangeQuizTimeAsync(Learner learner, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var time = ScheduleCommands.QuizTime(text, EarliestQuiz, LatestQuiz);
        if (time is null)
        {
            return await SettingsAsync(learner, "Choose the time for your daily quiz below, then tap Save.", cancellationToken).ConfigureAwait(false);
        }

        if (time < EarliestQuiz || time > LatestQuiz || time.Value.Minute % 30 != 0)
        {
            return await SettingsAsync(
                learner,
                $"I can send the quiz between {Clock(EarliestQuiz)} and {Clock(LatestQuiz)}, on the hour or half past, so {Clock(time.Value)} isn't possible. Choose a time below.",
                cancellationToken).ConfigureAwait(false);
        }

        var saved = await UpdateAsync(learner.Key, s => s with { LocalTime = time.Value }, cancellationToken).ConfigureAwait(false);
        return SettingsCard.Build(View(
            learner,
            saved,
            saved.Enabled
                ? $"Saved: your quiz comes {Describe(saved)}."
                : $"Saved: your quiz time is now {Clock(time.Value)}. The daily quiz is off; tap the button below to turn it on."));
    }

    public async Task<AdaptiveCard> StartDailyAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var saved = await TurnOnDailyAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        return SettingsCard.Build(View(learner, saved, $"Done: a two-minute quiz {Describe(saved)}."));
    }

    /// <summary>Turns the daily quiz on at the saved (or default) time and days; returns what is saved.</summary>
    public Task<PersonalSchedule> TurnOnDailyAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        UpdateAsync(learner, s => s with { Enabled = true }, cancellationToken);

    /// <summary>The daily quiz in words ("every weekday at 09:00", with the hold when paused), or null when it is off or was never set.</summary>
    public async Task<string?> DescribeDailyAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var schedule = await schedules.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        if (schedule is not { Enabled: true })
        {
            return null;
        }

        var paused = View(learner, schedule, null).PausedUntil;
        return paused is null ? Describe(schedule) : $"{Describe(schedule)} (paused until {paused})";
    }

    public async Task<AdaptiveCard> SettingsAsync(Learner learner, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var schedule = await schedules.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false)
            ?? new PersonalSchedule { Learner = learner.Key, Enabled = false };
        return SettingsCard.Build(View(learner, schedule, notice));
    }

    public async Task<AdaptiveCard> SaveSettingsAsync(Learner learner, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        if (!TimeOnly.TryParseExact(data.GetValueOrDefault(ScheduleVerbs.TimeInput), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !DayPresets.TryGetValue(data.GetValueOrDefault(ScheduleVerbs.DaysInput) ?? string.Empty, out var days))
        {
            return await SettingsAsync(learner, "Please choose a time and the days.", cancellationToken).ConfigureAwait(false);
        }

        var region = data.GetValueOrDefault(ScheduleVerbs.RegionInput);
        if (region is not null && region != ScheduleVerbs.AutomaticRegion && pack.FindRegion(region) is null)
        {
            return await SettingsAsync(learner, "Please choose one of the listed regions.", cancellationToken).ConfigureAwait(false);
        }

        if (region is not null)
        {
            var chosen = region == ScheduleVerbs.AutomaticRegion ? null : pack.FindRegion(region)!.Code;
            if (chosen != learner.ReportingRegion)
            {
                learner = learner with { ReportingRegion = chosen };
                await learners.SaveAsync(learner, cancellationToken).ConfigureAwait(false);
            }
        }

        var enabled = !string.Equals(data.GetValueOrDefault(ScheduleVerbs.EnabledInput), "false", StringComparison.OrdinalIgnoreCase);
        var saved = await UpdateAsync(learner.Key, s => s with { Enabled = enabled, LocalTime = time, Days = days }, cancellationToken).ConfigureAwait(false);
        return SettingsCard.Build(View(learner, saved, enabled ? $"Saved: your quiz comes {Describe(saved)}." : "Saved: the daily quiz is off."));
    }

    /// <summary>Starts (or changes) a vacation hold until the learner-local date the text names, read in the learner's date order.</summary>
    public async Task<AdaptiveCard> PauseAsync(Learner learner, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var (today, time) = LocalSlot.ToLocal(clock.GetUtcNow(), LearnerDay.ResolveZone(ZoneOf(learner, null)));
        var resume = ScheduleCommands.ResumeDate(text, today.ToDateTime(time), DateOrder.IsDayFirst(learner.Locale, learner.Country));
        if (resume is null)
        {
            return NoticeCard.Build(
                "How long should I pause?",
                "Say for how long or until when, for example **pause for two weeks** or **pause until January 5**.");
        }

        return await PauseUntilAsync(learner, today, resume.Value, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> PauseForButtonAsync(Learner learner, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (!int.TryParse(data.GetValueOrDefault(ScheduleVerbs.PauseDays), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 31)
        {
            return await SettingsAsync(learner, "That pause button is out of date. Say how long to pause, e.g. **pause for two weeks**.", cancellationToken).ConfigureAwait(false);
        }

        var (today, _) = LocalSlot.ToLocal(clock.GetUtcNow(), LearnerDay.ResolveZone(ZoneOf(learner, null)));
        return await PauseUntilAsync(learner, today, today.AddDays(days), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> PauseUntilAsync(Learner learner, DateOnly today, DateOnly resume, CancellationToken cancellationToken)
    {
        var latest = today.AddMonths(MaxPauseMonths);
        var capped = resume > latest;
        if (capped)
        {
            resume = latest;
        }

        var now = clock.GetUtcNow();
        var zone = LearnerDay.ResolveZone(ZoneOf(learner, null));
        var until = LocalSlot.ToInstant(resume, TimeOnly.MinValue, zone);
        var current = await schedules.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false);

        // Changing an existing hold: undo its unused part first, then apply the new one.
        var previousRemaining = current?.PausedUntil is { } oldUntil && oldUntil > now ? oldUntil - now : TimeSpan.Zero;
        var saved = await UpdateAsync(learner.Key, s => s with { PausedAt = now, PausedUntil = until }, cancellationToken).ConfigureAwait(false);
        await ShiftReviewsAsync(learner.Key, until - now - previousRemaining, cancellationToken).ConfigureAwait(false);
        var date = LongDate(resume, today);
        return SettingsCard.Build(View(
            learner,
            saved,
            capped
                ? $"I can pause for up to {MaxPauseMonths} months at a time, so I've paused until {date}. To stop the daily quiz for good, switch it off below and tap Save."
                : $"Paused. Your quiz comes back on {date}, and your reviews wait for you."));
    }

    /// <summary>Ends the hold now; due reviews move back by the part of the hold not used.</summary>
    public async Task<AdaptiveCard> ResumeAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = clock.GetUtcNow();
        var current = await schedules.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        if (current?.PausedUntil is not { } until || until <= now)
        {
            return await SettingsAsync(learner, "Your daily quiz isn't paused.", cancellationToken).ConfigureAwait(false);
        }

        var saved = await UpdateAsync(learner.Key, s => s with { PausedAt = null, PausedUntil = null }, cancellationToken).ConfigureAwait(false);
        await ShiftReviewsAsync(learner.Key, -(until - now), cancellationToken).ConfigureAwait(false);
        return SettingsCard.Build(View(learner, saved, "Welcome back: your daily quiz is on again."));
    }

    /// <summary>Moves every scheduled review's due date by <paramref name="shift"/>, saving each with its concurrency token.</summary>
    private async Task ShiftReviewsAsync(LearnerKey learner, TimeSpan shift, CancellationToken cancellationToken)
    {
        if (shift == TimeSpan.Zero)
        {
            return;
        }

        foreach (var listed in await reviews.ListAsync(learner, cancellationToken).ConfigureAwait(false))
        {
            var state = listed;
            for (var attempt = 1; state is { Phase: not ReviewPhase.New, Due: { } due }; attempt++)
            {
                try
                {
                    await reviews.SaveAsync(state with { Due = due + shift }, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
                {
                    // An answer moved this item at the same moment: shift what is stored now.
                    state = await reviews.GetAsync(learner, state.QuestionId, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<PersonalSchedule> UpdateAsync(LearnerKey learner, Func<PersonalSchedule, PersonalSchedule> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A first row starts off: only turning the daily quiz on (or saving it on) turns it on, never a pause or a time.
            var current = await schedules.GetAsync(learner, cancellationToken).ConfigureAwait(false)
                ?? new PersonalSchedule { Learner = learner, Enabled = false };
            try
            {
                return await schedules.SaveAsync(change(current) with { UpdatedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Another instance saved in between: read again.
            }
        }
    }

    private string ZoneOf(Learner learner, PersonalSchedule? schedule) =>
        DueRule.ZoneOf(learner, schedule, options.TenantTimeZones.GetValueOrDefault(learner.Key.TenantId), options.DefaultTimeZone);

    private SettingsView View(Learner learner, PersonalSchedule schedule, string? notice)
    {
        var zone = ZoneOf(learner, schedule);
        string? paused = null;
        if (schedule.PausedUntil is { } until && until > clock.GetUtcNow())
        {
            var resolved = LearnerDay.ResolveZone(zone);
            paused = LongDate(LocalSlot.ToLocal(until, resolved).Date, LocalSlot.ToLocal(clock.GetUtcNow(), resolved).Date);
        }

        var days = DayPresets.FirstOrDefault(p => p.Value == schedule.Days).Key ?? "weekdays";
        return new SettingsView(schedule.Enabled, Clock(schedule.LocalTime), days, zone, paused, notice)
        {
            Regions = [.. pack.Regions.Select(r => new RegionChoiceView(r.Code, r.Name))],
            RegionCode = learner.ReportingRegion is { } code ? pack.FindRegion(code)?.Code : null,
        };
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Monday 5 January", with the year when it is not this year: "Monday 5 January 2027".</summary>
    private static string LongDate(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Describe(PersonalSchedule schedule)
    {
        var days = schedule.Days switch
        {
            Weekdays.WorkWeek => "every weekday",
            Weekdays.Every => "every day",
            Weekdays.Weekend => "at weekends",
            _ => "on " + string.Join(", ", Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7)).Where(d => schedule.Days.Includes(d))),
        };
        return $"{days} at {Clock(schedule.LocalTime)}";
    }
}
