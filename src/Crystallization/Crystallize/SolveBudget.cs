using System.Diagnostics;

namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The iteration and time budget shared by every Levenberg-Marquardt solve of one crystallization, and the
/// record of what they did (the residual after each solve, the iteration count).
/// </summary>
public sealed class SolveBudget
{
    private readonly long _deadline;
    private readonly List<double> _history = [];

    public SolveBudget(int maxIterations, TimeSpan? timeLimit)
    {
        Remaining = maxIterations;
        _deadline = timeLimit is { } t
            ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency)
            : long.MaxValue;
    }

    public int Remaining { get; private set; }
    public int Iterations { get; private set; }
    public int Solves => _history.Count;
    public IReadOnlyList<double> History => _history;

    /// <summary>True once the iterations or the time have run out.</summary>
    public bool Exhausted => Remaining <= 0 || Stopwatch.GetTimestamp() >= _deadline;

    /// <summary>A solve of at most `iterations` iterations (fewer when the budget has fewer left), recorded.</summary>
    public SolveOutcome Solve(BrentSystem system, double[] x, IReadOnlyList<int> free, int iterations, double tolerance,
        double goodEnough)
    {
        var outcome = LevenbergMarquardt.Minimise(system, x, free, Math.Min(iterations, Remaining), tolerance,
            goodEnough);
        Remaining -= outcome.Iterations;
        Iterations += outcome.Iterations;
        _history.Add(outcome.MaxResidual);
        return outcome;
    }
}
