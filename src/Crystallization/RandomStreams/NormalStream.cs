namespace StrassenRepro.Crystallization.RandomStreams;

/// <summary>
/// A sequential N(0,1) stream from one key: SplitMix64 for the bits, Marsaglia and Tsang's ziggurat (128 layers)
/// for the normal. The ziggurat is exact in distribution and about ten times cheaper than Box-Muller, which
/// matters because the population engine draws ~50 million normals a second.
/// </summary>
public struct NormalStream
{
    private ulong _state;

    public NormalStream(ulong key) => _state = key;

    /// <summary>The SplitMix64 counter: the next draw is Mix(State + gamma). PairDraw resumes the stream from it.</summary>
    public readonly ulong State => _state;

    public ulong NextULong() => SplitMix64.Next(ref _state);

    /// <summary>Uniform in (0, 1), never 0.</summary>
    public double NextUniform() => SplitMix64.Uniform(NextULong());

    public double NextNormal()
    {
        // Layer from the low 7 bits, the signed 32-bit abscissa from the high 32: disjoint bits.
        ulong u = NextULong();
        int iz = (int)(u & 127);
        long hz = (int)(u >> 32);
        if ((hz < 0 ? -hz : hz) < Ziggurat.K[iz]) return hz * Ziggurat.W[iz];
        return Tail(hz, iz);
    }

    /// <summary>
    /// Two float32 normals from one 64-bit draw: each 32-bit half gives a 7-bit layer and a signed 25-bit abscissa
    /// (disjoint bits), enough for float32 outputs and half the generator calls of NextNormal. Used for training data.
    /// </summary>
    public void NextNormalPair(out float first, out float second)
    {
        ulong u = NextULong();
        first = (float)Normal24((uint)u);
        second = (float)Normal24((uint)(u >> 32));
    }

    private double Normal24(uint bits)
    {
        int iz = (int)(bits & 127);
        long j = (int)bits >> 7;
        if ((j < 0 ? -j : j) < Ziggurat.K24[iz]) return j * Ziggurat.W24[iz];
        while (true)
        {
            double x = j * Ziggurat.W24[iz];
            if (iz == 0)
            {
                double xt, y;
                do
                {
                    xt = -Math.Log(NextUniform()) / Ziggurat.R;
                    y = -Math.Log(NextUniform());
                } while (y + y < xt * xt);
                return j > 0 ? Ziggurat.R + xt : -Ziggurat.R - xt;
            }
            if (Ziggurat.F[iz] + NextUniform() * (Ziggurat.F[iz - 1] - Ziggurat.F[iz]) < Math.Exp(-0.5 * x * x)) return x;
            bits = (uint)NextULong();
            iz = (int)(bits & 127);
            j = (int)bits >> 7;
            if ((j < 0 ? -j : j) < Ziggurat.K24[iz]) return j * Ziggurat.W24[iz];
        }
    }

    private double Tail(long hz, int iz)
    {
        while (true)
        {
            double x = hz * Ziggurat.W[iz];
            if (iz == 0)
            {
                double xt, y;
                do
                {
                    xt = -Math.Log(NextUniform()) / Ziggurat.R;
                    y = -Math.Log(NextUniform());
                } while (y + y < xt * xt);
                return hz > 0 ? Ziggurat.R + xt : -Ziggurat.R - xt;
            }
            if (Ziggurat.F[iz] + NextUniform() * (Ziggurat.F[iz - 1] - Ziggurat.F[iz]) < Math.Exp(-0.5 * x * x)) return x;
            ulong u = NextULong();
            iz = (int)(u & 127);
            hz = (int)(u >> 32);
            if ((hz < 0 ? -hz : hz) < Ziggurat.K[iz]) return hz * Ziggurat.W[iz];
        }
    }

    /// <summary>The ziggurat tables of Marsaglia and Tsang (2000), 128 layers, 32-bit abscissae.</summary>
    public static class Ziggurat
    {
        public const double R = 3.442619855899;
        public static readonly long[] K = new long[128];
        public static readonly double[] W = new double[128];
        public static readonly double[] F = new double[128];
        public static readonly long[] K24 = new long[128];
        public static readonly double[] W24 = GC.AllocateArray<double>(128, pinned: true);
        /// <summary>K24 as int (every entry is below 2^24), pinned: the gather instructions of PairDraw read it.</summary>
        public static readonly int[] K24Int = GC.AllocateArray<int>(128, pinned: true);

        static Ziggurat()
        {
            const double m1 = 2147483648.0, vn = 9.91256303526217e-3;
            double dn = R, tn = dn;
            double q = vn / Math.Exp(-0.5 * dn * dn);
            K[0] = (long)(dn / q * m1);
            K[1] = 0;
            W[0] = q / m1;
            W[127] = dn / m1;
            F[0] = 1.0;
            F[127] = Math.Exp(-0.5 * dn * dn);
            for (int i = 126; i >= 1; i--)
            {
                dn = Math.Sqrt(-2.0 * Math.Log(vn / dn + Math.Exp(-0.5 * dn * dn)));
                K[i + 1] = (long)(dn / tn * m1);
                tn = dn;
                F[i] = Math.Exp(-0.5 * dn * dn);
                W[i] = dn / m1;
            }
            // The same ziggurat for 25-bit signed abscissae: tables rescaled from 2^31 to 2^24.
            const double scale = 1.0 / 128;
            for (int i = 0; i < 128; i++)
            {
                K24[i] = (long)(K[i] * scale);
                K24Int[i] = (int)K24[i];
                W24[i] = W[i] / scale;
            }
        }
    }
}
