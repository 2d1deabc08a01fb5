namespace Beacon.Dialogs.Campaigns;

internal enum ClauseKind
{
    /// <summary>Words that follow no keyword ("9am" in "daily 9am", or words not understood).</summary>
    Loose,

    /// <summary>"every weekday", "Tuesdays and Thursdays", "Monday to Friday".</summary>
    Days,

    /// <summary>"at 9am".</summary>
    Time,

    /// <summary>"starting Monday", "from January 12", "beginning tomorrow".</summary>
    Start,

    /// <summary>"until March 1", "through Friday", "to the end of February", "ending January 30".</summary>
    End,

    /// <summary>"for 4 weeks", "lasting a month".</summary>
    Duration,
}

/// <summary>One part of a schedule sentence: its keywords ("starting from") and the words they govern.</summary>
internal sealed class ScheduleClause(ClauseKind kind)
{
    public ClauseKind Kind { get; } = kind;

    public List<ScheduleToken> Keywords { get; } = [];

    public List<ScheduleToken> Body { get; } = [];

    /// <summary>The body without connectors at either edge ("on Monday and" becomes "Monday").</summary>
    public IReadOnlyList<ScheduleToken> Core
    {
        get
        {
            var first = Body.FindIndex(t => !t.IsConnector);
            var last = Body.FindLastIndex(t => !t.IsConnector);
            return first < 0 ? [] : Body.GetRange(first, last - first + 1);
        }
    }

    public IEnumerable<ScheduleToken> All => Keywords.Concat(Body);
}
