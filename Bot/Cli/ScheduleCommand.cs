namespace Beacon.Bot.Cli;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Dialogs.Campaigns;
using Beacon.Training.Schedules;

/// <summary>
/// <c>schedule parse "&lt;sentence&gt;" [--now ISO-8601] [--tz IANA]</c>: previews how a campaign
/// schedule sentence is read (see <see cref="ScheduleSentenceParser"/>) and prints one JSON object
/// <c>{ "days", "time", "start", "end", "unparsed" }</c>, null for what the sentence did not say.
/// <c>--now</c> defaults to the current time, <c>--tz</c> to UTC; a time without an offset is read
/// in <c>--tz</c>. Exit codes: 0 printed, 2 usage error, bad time or unknown zone.
/// </summary>
public static class ScheduleCommand
{
    public const int Ok = 0;

    public const int Usage = 2;

    private const string UsageText = """
        usage: schedule parse "<sentence>" [--now <ISO 8601 time>] [--tz <IANA time zone>]
          e.g. schedule parse "every weekday at 9am for 4 weeks starting Monday" --now 2026-11-25T10:00:00Z --tz Europe/London
        --now defaults to the current time, --tz to UTC. A --now without an offset is read in --tz.
        """;

    private static readonly string[] NowFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, TimeProvider.System);

    /// <summary>Runs the command; <paramref name="args"/> may start with "schedule" or with "parse".</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(clock);
        var rest = args.SkipWhile((a, i) => i == 0 && a == "schedule").ToList();
        if (rest is not ["parse", ..])
        {
            error.WriteLine(UsageText);
            return Usage;
        }

        var words = new List<string>();
        string? nowText = null;
        var zoneId = "UTC";
        for (var i = 1; i < rest.Count; i++)
        {
            if (rest[i] is "--now" or "--tz")
            {
                if (i + 1 >= rest.Count)
                {
                    error.WriteLine($"{rest[i]} needs a value.");
                    error.WriteLine(UsageText);
                    return Usage;
                }

                if (rest[i] == "--now")
                {
                    nowText = rest[++i];
                }
                else
                {
                    zoneId = rest[++i];
                }
            }
            else if (rest[i].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"Unknown option '{rest[i]}'.");
                error.WriteLine(UsageText);
                return Usage;
            }
            else
            {
                words.Add(rest[i]);
            }
        }

        if (words.Count == 0)
        {
            error.WriteLine("Give the sentence to read, in quotes.");
            error.WriteLine(UsageText);
            return Usage;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            error.WriteLine($"--tz '{zoneId}' is not a time zone this machine knows; use an IANA id such as Europe/London or America/New_York.");
            return Usage;
        }

        DateTimeOffset now;
        if (nowText is null)
        {
            now = clock.GetUtcNow();
        }
        else if (ReadNow(nowText, zone) is { } read)
        {
            now = read;
        }
        else
        {
            error.WriteLine($"--now '{nowText}' is not an ISO 8601 time; write it like 2026-11-25T10:00:00Z or 2026-11-25T10:00:00+01:00.");
            return Usage;
        }

        var schedule = ScheduleSentenceParser.Parse(string.Join(' ', words), now, zoneId);
        output.WriteLine(ToJson(schedule).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return Ok;
    }

    public static JsonObject ToJson(ParsedSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new JsonObject
        {
            ["days"] = schedule.Days is { } days
                ? new JsonArray(MondayFirst.Where(d => days.Includes(d)).Select(d => (JsonNode)d.ToString().ToLowerInvariant()).ToArray())
                : null,
            ["time"] = schedule.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["start"] = schedule.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end"] = schedule.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["unparsed"] = schedule.Unparsed,
        };
    }

    /// <summary>An ISO 8601 time; without an offset it is a wall-clock time in <paramref name="zone"/>.</summary>
    private static DateTimeOffset? ReadNow(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text, NowFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, zone.GetUtcOffset(parsed))
            : new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
    }
}
