namespace StrassenRepro.Crystallization.Recovery;

/// <summary>
/// Lattice recovery for &lt;2,2,2;7&gt;: a real rank-7 scheme that (nearly) satisfies the Brent equations
/// is, by de Groote (1978), Strassen's algorithm after a change of basis A' = P A Q^-1, B' = Q B R^-1
/// and per-slot scalings. This finds P, Q, R algebraically and returns the integer scheme, checked
/// exactly. Pass the kept (sparsified) 7 slots.
/// </summary>
/// <remarks>
/// As a 2x2 matrix, slot r of U maps to P^T U_r Q^-T and slot r of V to Q^T V_r R^-T (SchemeSymmetry.
/// ChangeBasis). So the three points of U's left directions fix P, U's right directions fix Q, and
/// V's right directions fix R (V's left directions are then the annihilators of U's right ones and
/// W follows, so neither is needed). Each is sent to the frame it has in Strassen's own scheme. The
/// stabiliser of such a frame (the 6 labelings) is realised by integer unimodular matrices, so any
/// labeling of a genuine input gives some integer scheme; all 216 are tried, and the one equal to
/// Strassen's own coefficients (else the smallest rounding margin) is kept.
/// </remarks>
public static class LatticeRecovery
{
    public const string OnlyTwoByTwoRankSeven = "recovery is only implemented for 2x2 rank 7";

    /// <summary>`verify --recover` also tries "unconverged" schemes whose Brent residual is at most this.</summary>
    public const double MaxResidualForUnconverged = 0.05;

    /// <summary>A candidate further than this from its rounding is not taken as the input's basis change, even if exact.</summary>
    public const double MaxRoundingMargin = 0.25;

    private const int MaxSlotMultiple = 4;

    // Strassen's own frames (KnownSchemes.Strassen): U left {e1, e2, e1 - e2}; U right and V right {e1, e2, e1 + e2}.
    private static readonly ProjectivePoint[] ULeftFrame = [new(1, 0), new(0, 1), new(1, -1)];
    private static readonly ProjectivePoint[] RightFrame = [new(1, 0), new(0, 1), new(1, 1)];

    private static readonly int[][] Labelings = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    /// <summary>True for the outcomes that `verify --recover` tries: continuous, or unconverged with a small residual.</summary>
    public static bool IsWorthTrying(Outcome outcome, double residual) =>
        outcome == Outcome.Continuous || (outcome == Outcome.Unconverged && residual <= MaxResidualForUnconverged);

    /// <summary>
    /// Recovery as `verify --recover` (and a training run) applies it to the kept slots judged with the
    /// given outcome: attempted only where <see cref="IsWorthTrying"/> holds, otherwise a result saying why not.
    /// </summary>
    public static RecoveryResult TryRecoverIfWorthTrying(Scheme kept, Outcome outcome)
    {
        double residual = BrentCheck.MaxResidual(kept);
        if (kept.Shape != Shape.Square2) return RecoveryResult.NotAttempted(residual, OnlyTwoByTwoRankSeven);
        if (IsWorthTrying(outcome, residual)) return TryRecover(kept);
        return RecoveryResult.NotAttempted(residual, outcome switch
        {
            Outcome.Discrete => "already discrete: Q gives an exact scheme",
            Outcome.Invalid => "the input is already integral and fails the Brent equations; there is no basis to recover",
            _ => $"unconverged: Brent residual {residual:0.###e+0} is above {MaxResidualForUnconverged}",
        });
    }

    public static RecoveryResult TryRecover(Scheme scheme)
    {
        double residual = BrentCheck.MaxResidual(scheme);
        if (scheme.Shape != Shape.Square2) return RecoveryResult.NotAttempted(residual, OnlyTwoByTwoRankSeven);
        if (scheme.Rank != 7) return RecoveryResult.Failed(residual, $"not rank 7 ({scheme.Rank} slots; keep the 7 most important first)");

        var u = DirectionTriples.Find(Enumerable.Range(0, 7).Select(r => RankOneDirections.Of(scheme.URow(r))).ToArray());
        var v = DirectionTriples.Find(Enumerable.Range(0, 7).Select(r => RankOneDirections.Of(scheme.VRow(r))).ToArray());
        var problem = u.StructureProblem("U") ?? v.StructureProblem("V");
        if (problem is not null) return RecoveryResult.Failed(residual, $"no rank-one structure: {problem}");

        Candidate? best = null;
        int exact = 0;
        double closestMargin = double.PositiveInfinity;
        foreach (var lp in Labelings)
            foreach (var lq in Labelings)
                foreach (var lr in Labelings)
                {
                    var candidate = Candidate.Build(scheme, Label(u.Left, lp), Label(u.Right, lq), Label(v.Right, lr));
                    if (candidate is null) continue;
                    closestMargin = Math.Min(closestMargin, candidate.Margin);
                    if (candidate.Margin > MaxRoundingMargin || !BrentCheck.Exact(candidate.Rounded).IsValid) continue;
                    exact++;
                    if (best is null || candidate.IsBetterThan(best)) best = candidate;
                }

        if (best is null)
            return RecoveryResult.Failed(residual, double.IsFinite(closestMargin) && closestMargin > MaxRoundingMargin
                ? $"no labeling gives an exact scheme (closest rounding margin {closestMargin:0.###} > {MaxRoundingMargin})"
                : "no labeling gives an exact scheme");
        return new RecoveryResult
        {
            Attempted = true,
            Succeeded = true,
            ResidualBefore = residual,
            P = Rows(best.P),
            Q = Rows(best.Q),
            R = Rows(best.R),
            Alpha = best.Alpha,
            Beta = best.Beta,
            RoundingMargin = best.Margin,
            Scheme = best.Rounded,
            CanonicalStrassen = best.IsStrassen,
            ExactLabelings = exact,
        };
    }

    private static ProjectivePoint[] Label(ProjectivePoint[] points, int[] labeling) =>
        [points[labeling[0]], points[labeling[1]], points[labeling[2]]];

    private static double[][] Rows(double[,] m) => [[m[0, 0], m[0, 1]], [m[1, 0], m[1, 1]]];

    /// <summary>One labeling's transformed scheme, scaled slot by slot, and its rounding.</summary>
    internal sealed record Candidate(double[,] P, double[,] Q, double[,] R, double[] Alpha, double[] Beta, Scheme Rounded, double Margin, bool IsStrassen)
    {
        /// <summary>P from U's left points (P^T x = e_k), Q from U's right points (Q^-1 y = e_k), R from V's right points (R^-1 y = e_k).</summary>
        public static Candidate? Build(Scheme input, ProjectivePoint[] uLeft, ProjectivePoint[] uRight, ProjectivePoint[] vRight)
        {
            double[,] p, q, r;
            Scheme moved;
            try
            {
                p = ProjectiveFrame.UnitDeterminant(SchemeSymmetry.Transpose(ProjectiveFrame.Map(uLeft, ULeftFrame)));
                q = ProjectiveFrame.UnitDeterminant(SchemeSymmetry.Inverse(ProjectiveFrame.Map(uRight, RightFrame)));
                r = ProjectiveFrame.UnitDeterminant(SchemeSymmetry.Inverse(ProjectiveFrame.Map(vRight, RightFrame)));
                moved = SchemeSymmetry.ChangeBasis(input, p, q, r);
            }
            catch (Exception e) when (e is ArgumentException or SchemeFormatException)
            {
                return null; // a singular or overflowing basis: not a candidate
            }
            int rank = moved.Rank;
            var u = moved.UFlat.ToArray();
            var v = moved.VFlat.ToArray();
            var w = moved.WFlat.ToArray();
            var alpha = new double[rank];
            var beta = new double[rank];
            for (int k = 0; k < rank; k++)
            {
                alpha[k] = PrimitiveScale(moved.URow(k));
                beta[k] = PrimitiveScale(moved.VRow(k));
                for (int x = 0; x < 4; x++) u[k * 4 + x] *= alpha[k];
                for (int y = 0; y < 4; y++) v[k * 4 + y] *= beta[k];
                for (int z = 0; z < 4; z++) w[z * rank + k] /= alpha[k] * beta[k];
            }
            if (!u.Concat(v).Concat(w).All(double.IsFinite)) return null;
            var scaled = new Scheme(input.Shape, rank, u, v, w);
            var rounded = scaled.Map(x => Math.Round(x) + 0.0); // + 0.0 turns -0 into 0
            double margin = scaled.Coefficients().Zip(rounded.Coefficients()).Max(t => Math.Abs(t.First - t.Second));
            return new Candidate(p, q, r, alpha, beta, rounded, margin, CanonicalForm.IsStrassen(rounded));
        }

        /// <summary>
        /// The factor that makes the row a primitive integer vector: its largest entry becomes 1, then
        /// the smallest multiple 1..4 that is (nearly) integral, for a rank-two slot like [1, 1/2, ...].
        /// </summary>
        internal static double PrimitiveScale(ReadOnlySpan<double> row)
        {
            int top = 0;
            for (int i = 1; i < row.Length; i++)
                if (Math.Abs(row[i]) > Math.Abs(row[top])) top = i;
            if (row[top] == 0) return 1;
            double unit = 1 / row[top];
            for (int k = 1; k <= MaxSlotMultiple; k++)
            {
                double worst = 0;
                foreach (var x in row) worst = Math.Max(worst, Math.Abs(k * unit * x - Math.Round(k * unit * x)));
                // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
                if (worst <= 0.1) return k * unit;
            }
            return unit;
        }

        public bool IsBetterThan(Candidate other) =>
            IsStrassen != other.IsStrassen ? IsStrassen : Margin < other.Margin;
    }
}
