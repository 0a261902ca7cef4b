using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// A 64-bit integer coefficient as a double, refused past 2^53 where doubles stop being exact. The test
/// is on the integer: (double)(2^53 + 1) rounds to 2^53 and would slip through a test on the double.
/// </summary>
internal static class ExactInteger
{
    private const long Limit = 1L << 53;

    public static double ToDouble(long v, string file) =>
        v is > Limit or < -Limit ? throw TooLarge(v.ToString(), file) : v;

    public static double ToDouble(ulong v, string file) =>
        v > Limit ? throw TooLarge(v.ToString(), file) : v;

    private static SchemeFormatException TooLarge(string v, string file) =>
        new($"{file}: integer coefficient {v} is too large to check exactly");
}
