using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>The kappa a claim compares: the run's last measurement (end of Phase 1), plain and effective.</summary>
public static class KappaScore
{
    public static double Plain(RunRecord r) => r.Kappas.Count == 0 ? double.NaN : r.Kappas[^1].KappaPlain;

    public static double Effective(RunRecord r) => r.Kappas.Count == 0 ? double.NaN : r.Kappas[^1].KappaEffective;

    public static string Show(double kappa) => double.IsPositiveInfinity(kappa) ? "infinite (singular)" : double.IsNaN(kappa) ? "-" : $"{kappa:0.00e+00}";

    public const string Definition =
        "kappa = condition number of the covariance of per-sample gradients (d = 96 parameters, 256 probe pairs) at the end of Phase 1. " +
        "The plain value is infinite whenever the covariance is singular, which it always is for this model: rescaling U_r by s and W_:,r by 1/s " +
        "(and likewise V) leaves every output unchanged, so every gradient is orthogonal to 2 directions per slot. The effective value divides the " +
        "largest eigenvalue by the smallest one above 1e-6 of it (src/Model/README.md).";
}
