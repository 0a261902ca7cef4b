namespace StrassenRepro.Model.Gpu;

/// <summary>
/// Eight floats, one per slot, held in registers by the R = 8 kernel: the GPU counterpart of the cpu engine's
/// Vector&lt;float&gt; of 8 lanes, with the same lane-wise arithmetic and the same order of the horizontal sum.
/// </summary>
internal struct F8
{
    public float S0, S1, S2, S3, S4, S5, S6, S7;

    public static F8 operator +(F8 a, F8 b) => new()
    {
        S0 = a.S0 + b.S0,
        S1 = a.S1 + b.S1,
        S2 = a.S2 + b.S2,
        S3 = a.S3 + b.S3,
        S4 = a.S4 + b.S4,
        S5 = a.S5 + b.S5,
        S6 = a.S6 + b.S6,
        S7 = a.S7 + b.S7,
    };

    public static F8 operator *(F8 a, F8 b) => new()
    {
        S0 = a.S0 * b.S0,
        S1 = a.S1 * b.S1,
        S2 = a.S2 * b.S2,
        S3 = a.S3 * b.S3,
        S4 = a.S4 * b.S4,
        S5 = a.S5 * b.S5,
        S6 = a.S6 * b.S6,
        S7 = a.S7 * b.S7,
    };

    public static F8 operator *(F8 a, float s) => new()
    {
        S0 = a.S0 * s,
        S1 = a.S1 * s,
        S2 = a.S2 * s,
        S3 = a.S3 * s,
        S4 = a.S4 * s,
        S5 = a.S5 * s,
        S6 = a.S6 * s,
        S7 = a.S7 * s,
    };

    /// <summary>Vector256's Sum: the sum of each 128-bit half (pairs first), then the two halves.</summary>
    public readonly float Sum() => ((S0 + S1) + (S2 + S3)) + ((S4 + S5) + (S6 + S7));

    /// <summary>The sum of squares in lane order, as the clip's sequential loop adds them.</summary>
    public readonly float AddSquares(float sum)
    {
        sum += S0 * S0; sum += S1 * S1; sum += S2 * S2; sum += S3 * S3;
        sum += S4 * S4; sum += S5 * S5; sum += S6 * S6; sum += S7 * S7;
        return sum;
    }

    /// <summary>Lanes whose bit is set in mask become +0.</summary>
    public readonly F8 Cleared(ulong mask) => new()
    {
        S0 = (mask & 1) != 0 ? 0f : S0,
        S1 = (mask & 2) != 0 ? 0f : S1,
        S2 = (mask & 4) != 0 ? 0f : S2,
        S3 = (mask & 8) != 0 ? 0f : S3,
        S4 = (mask & 16) != 0 ? 0f : S4,
        S5 = (mask & 32) != 0 ? 0f : S5,
        S6 = (mask & 64) != 0 ? 0f : S6,
        S7 = (mask & 128) != 0 ? 0f : S7,
    };

    /// <summary>Lane `slot` multiplied by factor, the others unchanged.</summary>
    public readonly F8 Scaled(int slot, float factor) => new()
    {
        S0 = slot == 0 ? S0 * factor : S0,
        S1 = slot == 1 ? S1 * factor : S1,
        S2 = slot == 2 ? S2 * factor : S2,
        S3 = slot == 3 ? S3 * factor : S3,
        S4 = slot == 4 ? S4 * factor : S4,
        S5 = slot == 5 ? S5 * factor : S5,
        S6 = slot == 6 ? S6 * factor : S6,
        S7 = slot == 7 ? S7 * factor : S7,
    };
}
