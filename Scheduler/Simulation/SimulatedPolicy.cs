namespace Beacon.Scheduler.Simulation;

/// <summary>The scheduling policies the simulator compares.</summary>
public enum SimulatedPolicy
{
    /// <summary>
    /// Beacon as it runs in production: FSRS-6 with default weights, desired retention 0.9, no
    /// intraday steps, fuzz on, the rating policy and confident-wrong rule, and the session
    /// composer's retirement (stability of one year; a retired item returns when its predicted
    /// recall falls below 0.8).
    /// </summary>
    Fsrs,

    /// <summary>
    /// Qstream / spaced education as published by Kerfoot and colleagues: a question answered
    /// wrongly comes back after a fixed number of days, one answered correctly after a longer fixed
    /// number of days, and it retires once answered correctly twice in a row. See
    /// <see cref="FixedRule"/> for the published intervals and sources.
    /// </summary>
    Fixed,

    /// <summary>SuperMemo-2: intervals 1, 6, then times the easiness factor; a lapse restarts.</summary>
    Sm2,

    /// <summary>Leitner boxes with intervals 1, 3, 7, 14, 30 days; right moves up a box, wrong back to box 1.</summary>
    Leitner,
}
