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
        // x = k ln2 + r, |r| <= ln2 / 2; e^r by its Taylor polynomial to r^13 (error below 1e-17) in Horner form with
        // literal coefficients (a double division is dozens of instructions on a GPU); then times 2^k.
        double kd = x * Log2E;
        int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
        double r = x - k * Ln2Hi - k * Ln2Lo;
        double p = 1.6059043836821613e-10;
        p = p * r + 2.08767569878681e-09;
        p = p * r + 2.505210838544172e-08;
        p = p * r + 2.755731922398589e-07;
        p = p * r + 2.7557319223985893e-06;
        p = p * r + 2.48015873015873e-05;
        p = p * r + 0.0001984126984126984;
        p = p * r + 0.001388888888888889;
        p = p * r + 0.008333333333333333;
        p = p * r + 0.041666666666666664;
        p = p * r + 0.16666666666666666;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        return p * PowerOfTwo(k);
    }

    /// <summary>ln(u) for u in (0, 1] (a uniform draw: at least 2^-54).</summary>
    public static double Log(double u)
    {
        // u = m 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172, by the
        // series 2 (s + s^3/3 + ... + s^23/23) in Horner form (error below 1e-19).
        ulong bits = Interop.FloatAsInt(u);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = Interop.IntAsFloat((bits & 0x000FFFFFFFFFFFFFUL) | 0x3FF0000000000000UL);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }
        double s = (m - 1) / (m + 1), s2 = s * s;
        double q = 0.043478260869565216;
        q = q * s2 + 0.047619047619047616;
        q = q * s2 + 0.05263157894736842;
        q = q * s2 + 0.058823529411764705;
        q = q * s2 + 0.06666666666666667;
        q = q * s2 + 0.07692307692307693;
        q = q * s2 + 0.09090909090909091;
        q = q * s2 + 0.1111111111111111;
        q = q * s2 + 0.14285714285714285;
        q = q * s2 + 0.2;
        q = q * s2 + 0.3333333333333333;
        double lnM = 2 * s + 2 * s * (q * s2);
        return e * Ln2Hi + (lnM + e * Ln2Lo);
    }

    private static double PowerOfTwo(int k) => Interop.IntAsFloat((ulong)(k + 1023) << 52);
}
