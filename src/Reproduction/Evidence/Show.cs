using System.Globalization;

namespace StrassenRepro.Reproduction.Evidence;

/// <summary>How numbers read in the report: percentages, p-values.</summary>
public static class Show
{
    public static string Pct(double x) => double.IsNaN(x) ? "-" : (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count with thousands separators: 9,385.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A p-value; below 1e-4 only its bound is meaningful.</summary>
    public static string P(double p) => double.IsNaN(p) ? "-" : p < 1e-4 ? "< 1e-4" : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"p = 0.0123" or "p < 1e-4", for running text.</summary>
    public static string PIs(double p) => p < 1e-4 ? $"p {P(p)}" : $"p = {P(p)}";
}
