using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C2's ANOVA (F = 15.34, p &lt; 1e-4, eta^2 = 0.244, N = 195). The only ANOVA upstream is rigorous_experiment.py's
/// (:306-398): two-way, Batch + Seed, on its mean distance to {-1, 0, 1}, N = 75 with 3 identical runs per seed,
/// df_error 66, classical eta^2. Re-executed with its protocol, on its quantity and on delta; the paper's own table is
/// checked for arithmetic.
/// </summary>
public sealed class C2AnovaOrigin : IOriginTrace
{
    public const int PaperN = 195, PaperErrorDf = 189;
    public const double PaperF = 15.34, PaperEtaSquared = 0.244;

    /// <summary>
    /// The paper's Table 2 (paper:514-520): Batch SS 0.287 (df 4), Protocol SS 0.052 (df 1), Error SS 0.883 (df 189).
    /// </summary>
    public const double PaperBatchSs = 0.287, PaperProtocolSs = 0.052, PaperErrorSs = 0.883;

    public string ClaimId => "C2";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => RigorousStudy.Runs(preset);

    public OriginEvidence Trace(ClaimContext context)
    {
        var runs = context.Find(RigorousStudy.Runs(context.Preset)).Where(r => r.Weights is not null).ToList();
        List<(int, long, double)> Tripled(Func<Scheme, double> metric) => runs
            .SelectMany(r => Enumerable.Repeat((r.Config.BatchSize, r.Config.Seed, metric(r.Scheme())),
                RigorousStudy.RunsPerSeed))
            .ToList();
        var onDistance = TwoWayAnova.TryOf(Tripled(MeanLatticeDistance.Of));
        var onDelta = TwoWayAnova.TryOf(Tripled(Discretizer.Delta));
        var distinct = TwoWayAnova.TryOf(runs.Select(r =>
            (r.Config.BatchSize, r.Config.Seed, MeanLatticeDistance.Of(r.Scheme()))).ToList());
        bool agrees = onDistance is { } a && a.N == PaperN && a.ErrorDf == PaperErrorDf && a.A.P < 1e-4;
        double total = PaperBatchSs + PaperProtocolSs + PaperErrorSs;
        var number = new NumberTrace
        {
            Quantity = "ANOVA of batch size: F, p, eta^2",
            Paper = "F = 15.34, p < 1e-4, eta^2 = 0.244, N = 195 (Batch + Protocol, df_error 189)",
            Sources = [UpstreamFiles.At(UpstreamFiles.Rigorous, "306-398"),
                UpstreamFiles.At(UpstreamFiles.Rigorous, "143-154")],
            Reexecution = onDistance is { } d
                ? Invariant($"rigorous_experiment.py ({runs.Count} distinct runs, each counted 3 times as the script ")
                    + Invariant($"does): F = {d.A.F:0.##}, {Show.PIs(d.A.P)}, eta^2 = {d.A.EtaSquared:0.###} ")
                    + Invariant($"(classical), N = {d.N}, df_error = {d.ErrorDf}")
                : Invariant($"incomplete: {runs.Count} of 25 runs stored"),
            Correct = onDelta is { } e
                ? "the same runs on delta (the paper's quantity): F = "
                    + Invariant($"{e.A.F:0.##}, {Show.PIs(e.A.P)}, eta^2 = {e.A.EtaSquared:0.###}; ")
                    + "C2's verdict uses S and delta of the training protocol's runs"
                : "-",
            Explanation = "No script pools 195 runs or has a Protocol factor; the paper's table is partial eta^2 "
                + Invariant($"({PaperBatchSs / (PaperBatchSs + PaperErrorSs):0.###}; ")
                + Invariant($"classical {PaperBatchSs / total:0.###}), ")
                + "while the only ANOVA upstream is classical, on 75 values of which 25 are distinct.",
            Explained = ExplainedNames.Decide(hasScript: true, agrees),
            Rule = "traced iff the re-execution of rigorous_experiment.py has the paper's N (195) and df_error (189) "
                + "and gives p < 1e-4 for batch size",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [AnovaTable(onDistance, onDelta, distinct), PaperTableArithmetic()],
            [
                "rigorous_experiment.py never rounds, prunes or verifies a scheme (docs/upstream-map.md 1.3): its "
                + "'discretization error' is the mean distance of all 84 weights to {-1, 0, 1}, not delta, and no S "
                + "is measured.",
            ]);
    }

    private static ReportTable AnovaTable(TwoWayAnova.Result? distance, TwoWayAnova.Result? delta,
        TwoWayAnova.Result? distinct)
    {
        IReadOnlyList<string> Row(string what, TwoWayAnova.Result? r) => r is { } x
            ?
            [
                what, Invariant($"{x.N}"), Invariant($"{x.ErrorDf}"), Invariant($"{x.A.F:0.##}"), Show.P(x.A.P),
                Invariant($"{x.A.EtaSquared:0.###}"), Invariant($"{x.A.PartialEtaSquared:0.###}"),
            ]
            : [what, "-", "-", "-", "-", "-", "-"];
        return new ReportTable("Two-way ANOVA (Batch + Seed), rigorous_experiment.py re-executed",
            ["dependent variable", "N", "df_error", "F (batch)", "p", "eta^2 classical", "eta^2 partial"],
            [
                Row("mean distance to {-1, 0, 1}, 3 identical runs per seed (the script)", distance),
                Row("delta = max |theta - Q(theta)|, the same runs", delta),
                Row("mean distance, each distinct run once", distinct),
                ["the paper's Table 2", Invariant($"{PaperN}"), Invariant($"{PaperErrorDf}"), Invariant($"{PaperF}"),
                    "< 1e-4",
                    "-", Invariant($"{PaperEtaSquared}")],
            ]);
    }

    /// <summary>The paper's own table recomputed from its sums of squares: which eta^2 it printed.</summary>
    private static ReportTable PaperTableArithmetic()
    {
        double total = PaperBatchSs + PaperProtocolSs + PaperErrorSs;
        double f = PaperBatchSs / 4 / (PaperErrorSs / PaperErrorDf);
        return new ReportTable("The paper's Table 2 recomputed from its sums of squares (paper:514-520)",
            ["F (batch)", "eta^2 classical", "eta^2 partial", "printed eta^2", "df total"],
            [[Invariant($"{f:0.##}"), Invariant($"{PaperBatchSs / total:0.###}"),
                Invariant($"{PaperBatchSs / (PaperBatchSs + PaperErrorSs):0.###}"),
                Invariant($"{PaperEtaSquared}"), Invariant($"{4 + 1 + PaperErrorDf} = N - 1 with 5 batch levels")]]);
    }
}
