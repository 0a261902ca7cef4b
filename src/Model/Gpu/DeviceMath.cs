using ILGPU;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// exp and log in double from plain arithmetic, for kernels: ILGPU maps System.Math's to CUDA's libdevice, which needs
/// the CUDA toolkit, and the gpu engine must run with the driver alone. Accurate to a few units in the last place
/// over the ranges the ziggurat uses (tested against System.Math).
/// </summary>
internal static class DeviceMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Log2E = 1.44269504088896338700e+00;

    /// <summary>e^x for x in [-700, 0] (the ziggurat asks for exp(-x^2 / 2), x at most 3.5).</summary>
    public static double Exp(double x)
    {
        // x = k ln2 + r, |r| <= ln2 / 2; e^r by its Taylor series to r^13 (error below 1e-17); then times 2^k.
        double kd = x * Log2E;
        int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
        double r = x - k * Ln2Hi - k * Ln2Lo;
        double term = 1, sum = 1;
        for (int n = 1; n <= 13; n++)
        {
            term *= r / n;
            sum += term;
        }
        return sum * PowerOfTwo(k);
    }

    /// <summary>ln(u) for u in (0, 1] (a uniform draw: at least 2^-54).</summary>
    public static double Log(double u)
    {
        // u = m 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172.
        ulong bits = Interop.FloatAsInt(u);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = Interop.IntAsFloat((bits & 0x000FFFFFFFFFFFFFUL) | 0x3FF0000000000000UL);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }
        double s = (m - 1) / (m + 1), s2 = s * s;
        double series = 0;
        for (int n = 23; n >= 3; n -= 2) series = (series + 1.0 / n) * s2;
        double lnM = 2 * s + 2 * s * series;
        return e * Ln2Hi + (lnM + e * Ln2Lo);
    }

    private static double PowerOfTwo(int k) => Interop.IntAsFloat((ulong)(k + 1023) << 52);
}
