namespace Beacon.Scheduler.Simulation;

using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;

/// <summary>
/// The <see cref="SimulatedPolicy.Fixed"/> rule: fixed repeat intervals after a correct and a wrong
/// answer, and retirement after a number of correct answers in a row (the first presentation counts).
/// </summary>
/// <remarks>
/// Published rules (Kerfoot and colleagues' "spaced education", the method behind Qstream):
/// <list type="bullet">
/// <item><see cref="KerfootBaker2012"/>: re-sent in 12 days if answered incorrectly, 24 days if
/// correctly; retired when answered correctly twice in a row. Kerfoot BP, Baker H. An online
/// spaced-education game for global continuing medical education: a randomized trial. Ann Surg.
/// 2012;256(1):33-38, doi:10.1097/SLA.0b013e31825b3912. The same 12/24-day rule and retirement
/// are used in Kerfoot BP et al., Circ Cardiovasc Qual Outcomes. 2014;7(3):468-474,
/// doi:10.1161/CIRCOUTCOMES.113.000814.</item>
/// <item><see cref="KerfootAcadMed2012"/>: re-sent in three weeks if answered incorrectly, six
/// weeks if correctly; retired when answered correctly twice consecutively. Kerfoot BP et al. An
/// online spaced-education game to teach and assess medical students. Acad Med.
/// 2012;87(10):1443-1449 (PMID 22914524).</item>
/// </list>
/// The earlier simulator default (21 days right, 7 days wrong) was written from memory and matches
/// no publication we found.
/// </remarks>
/// <param name="CorrectDays">Days until a correctly answered question comes back.</param>
/// <param name="WrongDays">Days until a wrongly answered question comes back.</param>
/// <param name="RetireAfterCorrect">Correct answers in a row that retire a question.</param>
public sealed record FixedRule(int CorrectDays, int WrongDays, int RetireAfterCorrect)
{
    /// <summary>Ann Surg 2012 and Circ Cardiovasc Qual Outcomes 2014: 24 days right, 12 days wrong, retire after two right in a row.</summary>
    public static FixedRule KerfootBaker2012 { get; } = new(24, 12, 2);

    /// <summary>Acad Med 2012: six weeks right, three weeks wrong, retire after two right in a row.</summary>
    public static FixedRule KerfootAcadMed2012 { get; } = new(42, 21, 2);
}

/// <summary>Settings of a simulation run.</summary>
public sealed record SimulationOptions
{
    public int Learners { get; init; } = 1000;

    public int Days { get; init; } = 180;

    public int Seed { get; init; } = 1;

    /// <summary>Questions in the simulated pack, introduced in pack order. Default 60.</summary>
    public int Items { get; init; } = 60;

    public double SecondsPerQuestion { get; init; } = 20;

    /// <summary>
    /// Days at which retention is measured: those within the run, plus always the run's last day
    /// (so the comparison with fixed is made where the reviews stop being counted).
    /// </summary>
    public IReadOnlyList<int> MeasureDays { get; init; } = [30, 90, 180];

    /// <summary>The FSRS settings under test. Default: production (<c>new FsrsOptions()</c>, as Beacon registers it).</summary>
    public FsrsOptions Fsrs { get; init; } = new();

    /// <summary>
    /// The session composer's settings, as Beacon registers them: the daily cap
    /// (<see cref="SessionComposerOptions.DefaultSize"/>, applied to every policy), and for FSRS the
    /// retirement bound and the recall floor at which a retired item returns.
    /// </summary>
    public SessionComposerOptions Composer { get; init; } = new();

    /// <summary>Questions per daily session for every policy (the composer's daily cap).</summary>
    public int SessionSize => Composer.DefaultSize;

    /// <summary>The fixed (Qstream) rule. Default <see cref="FixedRule.KerfootBaker2012"/>.</summary>
    public FixedRule Fixed { get; init; } = FixedRule.KerfootBaker2012;

    /// <summary>
    /// Ground truth: the forgetting-curve decay (FSRS-6 weight w20) of the simulated people's memory.
    /// Null (default) uses FSRS-6's default weights, the same curve the scheduler assumes. A larger
    /// value (FSRS-4.5 used 0.5) makes forgetting steeper over long delays; a sensitivity knob, not
    /// a calibrated fact about Beacon's learners.
    /// </summary>
    public double? TruthDecay { get; init; }
}
