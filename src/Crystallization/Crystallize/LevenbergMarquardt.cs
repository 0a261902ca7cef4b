namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Damped Gauss-Newton (Levenberg-Marquardt) on the Brent residual over a subset of free coefficients; the
/// others stay as they are. The damping lambda I is lowered after a step that reduces ||e||^2 and raised
/// after one that does not. The symmetries of a scheme (slot scalings, changes of basis) make J^T J
/// singular; the damping keeps the system positive definite, and since J^T e has no component along a
/// symmetry, the steps stay (nearly) of least norm instead of drifting along the orbit.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>The starting damping, relative to the mean diagonal of J^T J.</summary>
    public const double InitialDamping = 1e-3;

    /// <summary>Bounds of the relative damping: below, steps lose accuracy; above, they no longer move.</summary>
    public const double MinDamping = 1e-12;
    public const double MaxDamping = 1e8;

    /// <summary>
    /// Moves the free entries of x (in place) to reduce sum e^2, until max|e| &lt;= tolerance, the iterations
    /// run out, or no damping gives a decrease.
    /// </summary>
    /// <param name="goodEnough">
    /// Once max|e| is at most this, a step that does not halve ||e||^2 ends the solve: the quadratic phase is
    /// over, and near a singular point of the solution set the rest would creep on linearly for many iterations.
    /// </param>
    public static SolveOutcome Minimise(BrentSystem system, double[] x, IReadOnlyList<int> free, int maxIterations,
        double tolerance, double goodEnough = 0)
    {
        var e = system.Residual(x);
        double cost = SumOfSquares(e);
        double damping = double.NaN;
        int iterations = 0;
        while (MaxAbs(e) > tolerance && free.Count > 0 && iterations < maxIterations)
        {
            iterations++;
            var (normal, gradient) = system.NormalEquations(x, e, free);
            int k = free.Count;
            // The scale of J^T J sets the damping's unit, so the same relative damping suits every input.
            double unit = Math.Max(MeanDiagonal(normal, k), double.Epsilon);
            if (double.IsNaN(damping)) damping = InitialDamping;
            bool moved = false;
            while (!moved && damping <= MaxDamping)
            {
                var step = SolveDamped(normal, gradient, k, damping * unit);
                if (step is not null && TryStep(system, x, free, step, cost, out var trial, out var trialE))
                {
                    Array.Copy(trial, x, x.Length);
                    e = trialE;
                    double previous = cost;
                    cost = SumOfSquares(e);
                    if (cost > previous / 2 && MaxAbs(e) <= goodEnough)
                        return new SolveOutcome(MaxAbs(e), iterations, Converged: false);
                    damping = Math.Max(damping / 10, MinDamping);
                    moved = true;
                }
                else damping *= 10;
            }
            if (!moved) return new SolveOutcome(MaxAbs(e), iterations, Converged: false);
        }
        double residual = MaxAbs(e);
        return new SolveOutcome(residual, iterations, residual <= tolerance);
    }

    private static double[]? SolveDamped(double[] normal, double[] gradient, int k, double lambda)
    {
        var a = (double[])normal.Clone();
        for (int i = 0; i < k; i++) a[i * k + i] += lambda;
        return Cholesky.Solve(a, k, gradient);
    }

    /// <summary>x - step on the free entries; kept only when every coefficient is finite and the cost drops.</summary>
    private static bool TryStep(BrentSystem system, double[] x, IReadOnlyList<int> free, double[] step, double cost,
        out double[] trial, out double[] trialE)
    {
        trial = (double[])x.Clone();
        for (int i = 0; i < free.Count; i++) trial[free[i]] -= step[i];
        trialE = system.Residual(trial);
        double trialCost = SumOfSquares(trialE);
        // A NaN cost (overflowing coefficients) compares false and is rejected with the rest.
        return trialCost < cost;
    }

    private static double MeanDiagonal(double[] normal, int k)
    {
        double s = 0;
        for (int i = 0; i < k; i++) s += normal[i * k + i];
        return s / k;
    }

    internal static double SumOfSquares(ReadOnlySpan<double> e)
    {
        double s = 0;
        foreach (var v in e) s += v * v;
        return s;
    }

    internal static double MaxAbs(ReadOnlySpan<double> e)
    {
        double m = 0;
        foreach (var v in e) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
