using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// One trained run as discovery sees it: its outcome, whether training converged (the kept slots satisfy the Brent
/// equations to the verifier's tolerance, before or after rounding), the exact scheme it gave and how.
/// </summary>
public sealed record DiscoveredRun(string ConfigHash, long Seed, Outcome? Outcome, bool Converged, double BrentResidual,
    double FinalTestLoss, ExactBy ExactBy, Scheme? Exact)
{
    /// <summary>The run's test-loss curve (step, loss), for the report's figure.</summary>
    public IReadOnlyList<(long Step, double TestLoss)> Curve { get; init; } = [];

    /// <summary>
    /// Classifies a stored run; crystallize (may be null) is tried when neither rounding nor lattice recovery gave a
    /// scheme. Every scheme returned has passed the exact Brent check.
    /// </summary>
    public static DiscoveredRun Of(RunRecord record, Func<Scheme, Scheme?>? crystallize)
    {
        var v = record.Verification;
        double loss = record.Curves.Count > 0 ? record.Curves[^1].TestLoss : double.NaN;
        var curve = record.Curves.Select(c => (c.Step, c.TestLoss)).ToList();
        if (record.Weights is null)
            return new(record.ConfigHash, record.Config.Seed, null, false, double.PositiveInfinity, loss, ExactBy.Nothing, null)
            {
                Curve = curve,
            };
        var outcome = v.Outcome;
        bool converged = outcome is Crystallization.Outcome.Discrete or Crystallization.Outcome.Continuous;
        var kept = record.KeptScheme();
        var (by, exact) = ExactOf(v, kept, crystallize);
        return new(record.ConfigHash, record.Config.Seed, outcome, converged, v.BrentMaxResidual, loss, by, exact)
        {
            Curve = curve,
        };
    }

    /// <summary>An als run: converged when fitting reached the rounding threshold; its residual is the Frobenius norm.</summary>
    public static DiscoveredRun Of(Model.Search.AlsRun run)
    {
        var outcome = run.Exact is not null ? Crystallization.Outcome.Discrete
            : run.Fitted ? Crystallization.Outcome.Continuous : Crystallization.Outcome.Unconverged;
        return new("als", run.Seed, outcome, run.Fitted, Math.Sqrt(run.FitResidual), run.FitResidual,
            run.Exact is null ? ExactBy.Nothing : ExactBy.AlternatingRounding, run.Exact);
    }

    private static (ExactBy, Scheme?) ExactOf(VerificationReport v, Scheme kept, Func<Scheme, Scheme?>? crystallize)
    {
        var rounded = Discretizer.Q(kept);
        if (v.STheta == 1 && BrentCheck.IsValid(rounded)) return (ExactBy.Rounding, rounded);
        if (v.Recovery is { Succeeded: true, Scheme: { } rows })
        {
            var recovered = rows.ToScheme();
            if (BrentCheck.IsValid(recovered)) return (ExactBy.LatticeRecovery, recovered);
        }
        if (crystallize?.Invoke(kept) is { } found && DiscoveryCrystallizer.IsExact(found)) return (ExactBy.Crystallizer, found);
        return (ExactBy.Nothing, null);
    }
}
