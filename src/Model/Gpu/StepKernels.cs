using ILGPU;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// One optimizer step of the population, one run per GPU thread: the cpu engine's step (decay-scale, batch, forward,
/// hand-written backward, zeroed gradients, clip, AdamW, zeroed slots) in the same order of float operations, so
/// on ILGPU's CPU accelerator a run's numbers are the cpu engine's bit for bit, and on a GPU they differ only where
/// the PTX assembler fuses a multiply and an add. A run reads and writes only its own memory, so a diverged run
/// (NaN) never touches its neighbours. Fast: R = 8, the slots of a row in registers (F8), as the cpu engine's
/// vector path. Generic: any R up to 64, one slot at a time through memory, as its scalar path.
/// </summary>
internal static class StepKernels
{
    public const int MaxSlots = 64;
    /// <summary>Entries of a row (a, b, t) and outputs of any shape the engines take (dimensions up to 8).</summary>
    public const int MaxRow = 3 * 64;
    public const int MaxOutputs = 64;

    public static void Fast(StepScalars s, PopulationViews v)
    {
        int run = Grid.GlobalIndex.X;
        if (run >= s.Runs) return;
        int n = s.Runs;
        F8 u0 = Load(v.P, 0, run, n), u1 = Load(v.P, 1, run, n), u2 = Load(v.P, 2, run, n), u3 = Load(v.P, 3, run, n);
        F8 v0 = Load(v.P, 4, run, n), v1 = Load(v.P, 5, run, n), v2 = Load(v.P, 6, run, n), v3 = Load(v.P, 7, run, n);
        F8 w0 = Load(v.P, 8, run, n), w1 = Load(v.P, 9, run, n), w2 = Load(v.P, 10, run, n), w3 = Load(v.P, 11, run, n);
        if (s.HasDecay != 0 && v.DecaySlot[run] >= 0)
        {
            int slot = v.DecaySlot[run];
            float f = s.Decay;
            u0 = u0.Scaled(slot, f); u1 = u1.Scaled(slot, f); u2 = u2.Scaled(slot, f); u3 = u3.Scaled(slot, f);
            v0 = v0.Scaled(slot, f); v1 = v1.Scaled(slot, f); v2 = v2.Scaled(slot, f); v3 = v3.Scaled(slot, f);
            w0 = w0.Scaled(slot, f); w1 = w1.Scaled(slot, f); w2 = w2.Scaled(slot, f); w3 = w3.Scaled(slot, f);
        }
        F8 gu0 = default, gu1 = default, gu2 = default, gu3 = default;
        F8 gv0 = default, gv1 = default, gv2 = default, gv3 = default;
        F8 gw0 = default, gw1 = default, gw2 = default, gw3 = default;
        float scale = 2f / (4f * s.Rows);
        double lossSum = 0;
        ulong state = s.FixedSize == 0 ? DeviceNormals.Key(v.Seed[run], s.Stream, s.Step) : 0;
        var tables = v.Tables;
        for (int i = 0; i < s.Rows; i++)
        {
            Row(s, v, tables, run, i, ref state, out var a0, out var a1, out var a2, out var a3,
                out var b0, out var b1, out var b2, out var b3, out var t0, out var t1, out var t2, out var t3);
            var ua = u0 * a0 + u1 * a1 + u2 * a2 + u3 * a3;
            var vb = v0 * b0 + v1 * b1 + v2 * b2 + v3 * b3;
            var h = ua * vb;
            float e0 = (w0 * h).Sum() - t0;
            float e1 = (w1 * h).Sum() - t1;
            float e2 = (w2 * h).Sum() - t2;
            float e3 = (w3 * h).Sum() - t3;
            lossSum += (double)e0 * e0 + (double)e1 * e1 + (double)e2 * e2 + (double)e3 * e3;
            float d0 = e0 * scale, d1 = e1 * scale, d2 = e2 * scale, d3 = e3 * scale;
            gw0 += h * d0; gw1 += h * d1; gw2 += h * d2; gw3 += h * d3;
            var dh = w0 * d0 + w1 * d1 + w2 * d2 + w3 * d3;
            var dua = dh * vb;
            var dvb = dh * ua;
            gu0 += dua * a0; gu1 += dua * a1; gu2 += dua * a2; gu3 += dua * a3;
            gv0 += dvb * b0; gv1 += dvb * b1; gv2 += dvb * b2; gv3 += dvb * b3;
        }
        if (s.HasZeroGradients != 0)
        {
            ulong mask = v.ZeroGradients[run];
            gu0 = gu0.Cleared(mask); gu1 = gu1.Cleared(mask); gu2 = gu2.Cleared(mask); gu3 = gu3.Cleared(mask);
            gv0 = gv0.Cleared(mask); gv1 = gv1.Cleared(mask); gv2 = gv2.Cleared(mask); gv3 = gv3.Cleared(mask);
            gw0 = gw0.Cleared(mask); gw1 = gw1.Cleared(mask); gw2 = gw2.Cleared(mask); gw3 = gw3.Cleared(mask);
        }
        if (s.HasClip != 0)
        {
            float su = gu3.AddSquares(gu2.AddSquares(gu1.AddSquares(gu0.AddSquares(0f))));
            float sv = gv3.AddSquares(gv2.AddSquares(gv1.AddSquares(gv0.AddSquares(0f))));
            float sw = gw3.AddSquares(gw2.AddSquares(gw1.AddSquares(gw0.AddSquares(0f))));
            float c = ClipCoefficient(su, sv, sw, s.Clip);
            gu0 *= c; gu1 *= c; gu2 *= c; gu3 *= c;
            gv0 *= c; gv1 *= c; gv2 *= c; gv3 *= c;
            gw0 *= c; gw1 *= c; gw2 *= c; gw3 *= c;
        }
        var adam = AdamHyper.Of(s, v, run);
        u0 = Adam(u0, gu0, 0, run, n, v, adam); u1 = Adam(u1, gu1, 1, run, n, v, adam);
        u2 = Adam(u2, gu2, 2, run, n, v, adam); u3 = Adam(u3, gu3, 3, run, n, v, adam);
        v0 = Adam(v0, gv0, 4, run, n, v, adam); v1 = Adam(v1, gv1, 5, run, n, v, adam);
        v2 = Adam(v2, gv2, 6, run, n, v, adam); v3 = Adam(v3, gv3, 7, run, n, v, adam);
        w0 = Adam(w0, gw0, 8, run, n, v, adam); w1 = Adam(w1, gw1, 9, run, n, v, adam);
        w2 = Adam(w2, gw2, 10, run, n, v, adam); w3 = Adam(w3, gw3, 11, run, n, v, adam);
        if (s.HasZeroAfter != 0)
        {
            ulong mask = v.ZeroAfter[run];
            u0 = u0.Cleared(mask); u1 = u1.Cleared(mask); u2 = u2.Cleared(mask); u3 = u3.Cleared(mask);
            v0 = v0.Cleared(mask); v1 = v1.Cleared(mask); v2 = v2.Cleared(mask); v3 = v3.Cleared(mask);
            w0 = w0.Cleared(mask); w1 = w1.Cleared(mask); w2 = w2.Cleared(mask); w3 = w3.Cleared(mask);
        }
        Store(v.P, 0, run, n, u0); Store(v.P, 1, run, n, u1); Store(v.P, 2, run, n, u2); Store(v.P, 3, run, n, u3);
        Store(v.P, 4, run, n, v0); Store(v.P, 5, run, n, v1); Store(v.P, 6, run, n, v2); Store(v.P, 7, run, n, v3);
        Store(v.P, 8, run, n, w0); Store(v.P, 9, run, n, w1); Store(v.P, 10, run, n, w2); Store(v.P, 11, run, n, w3);
        if (s.WantLoss != 0) v.Loss[run] = lossSum / (s.Rows * 4.0);
    }

    /// <summary>
    /// Any R and any shape: the cpu engine's scalar path, with the gradient accumulated in v.G and the row (a, b, t) and
    /// its ua, vb, h in local memory.
    /// </summary>
    public static void Generic(StepScalars s, PopulationViews v, int slots)
    {
        int run = Grid.GlobalIndex.X;
        if (run >= s.Runs) return;
        int n = s.Runs, r = slots, na = s.ASize, nb = s.BSize, nc = s.CSize, w0 = na + nb, rows = w0 + nc;
        int block = rows * slots;
        if (s.HasDecay != 0 && v.DecaySlot[run] >= 0)
            for (int row = 0; row < rows; row++) v.P[At(row * r + v.DecaySlot[run], run, n)] *= s.Decay;
        for (int k = 0; k < block; k++) v.G[At(k, run, n)] = 0f;
        var ua = LocalMemory.Allocate<float>(MaxSlots);
        var vb = LocalMemory.Allocate<float>(MaxSlots);
        var h = LocalMemory.Allocate<float>(MaxSlots);
        var x = LocalMemory.Allocate<float>(MaxRow);
        var d = LocalMemory.Allocate<float>(MaxOutputs);
        float scale = 2f / ((float)nc * s.Rows);
        double lossSum = 0;
        ulong state = s.FixedSize == 0 ? DeviceNormals.Key(v.Seed[run], s.Stream, s.Step) : 0;
        var tables = v.Tables;
        for (int i = 0; i < s.Rows; i++)
        {
            RowOfAnyShape(s, v, tables, run, i, ref state, x);
            for (int k = 0; k < r; k++)
            {
                float u = P(v, k, run, n) * x[0];
                for (int j = 1; j < na; j++) u += P(v, j * r + k, run, n) * x[j];
                float w = P(v, na * r + k, run, n) * x[na];
                for (int j = 1; j < nb; j++) w += P(v, (na + j) * r + k, run, n) * x[na + j];
                ua[k] = u;
                vb[k] = w;
                h[k] = u * w;
            }
            for (int z = 0; z < nc; z++) d[z] = Residual(v, h, w0 + z, x[w0 + z], r, run, n, ref lossSum) * scale;
            for (int k = 0; k < r; k++)
            {
                float dh = 0;
                for (int z = 0; z < nc; z++) dh = Back(v, h[k], d[z], (w0 + z) * r + k, run, n, dh);
                float du = dh * vb[k], dv = dh * ua[k];
                for (int j = 0; j < na; j++) v.G[At(j * r + k, run, n)] += du * x[j];
                for (int j = 0; j < nb; j++) v.G[At((na + j) * r + k, run, n)] += dv * x[na + j];
            }
        }
        if (s.HasZeroGradients != 0)
        {
            ulong mask = v.ZeroGradients[run];
            for (int k = 0; k < block; k++)
                if ((mask >> (k % r) & 1) != 0) v.G[At(k, run, n)] = 0f;
        }
        if (s.HasClip != 0)
        {
            float c = ClipCoefficient(SumSquares(v, 0, na * r, run, n), SumSquares(v, na * r, nb * r, run, n),
                SumSquares(v, w0 * r, nc * r, run, n), s.Clip);
            for (int k = 0; k < block; k++) v.G[At(k, run, n)] *= c;
        }
        var adam = AdamHyper.Of(s, v, run);
        for (int k = 0; k < block; k++)
        {
            int at = At(k, run, n);
            v.P[at] = Lane(v.P[at], v.G[at], at, v, adam);
        }
        if (s.HasZeroAfter != 0)
        {
            ulong mask = v.ZeroAfter[run];
            for (int k = 0; k < block; k++)
                if ((mask >> (k % r) & 1) != 0) v.P[At(k, run, n)] = 0f;
        }
        if (s.WantLoss != 0) v.Loss[run] = lossSum / (s.Rows * (double)nc);
    }

    /// <summary>
    /// Row i of any shape into x (a, then b, then t): drawn as Pairs.Draw does (pairs of normals fill a then b, an odd
    /// count drops the last pair's second; t = A B in double), or read through the epoch's order (fixed data).
    /// </summary>
    private static void RowOfAnyShape(in StepScalars s, in PopulationViews v, in ZigguratTables tables, int run, int i,
        ref ulong state, ArrayView<float> x)
    {
        int width = s.ASize + s.BSize + s.CSize;
        if (s.FixedSize != 0)
        {
            long n = s.FixedSize;
            long at = (run * n + v.Order[run * n + s.Offset + i]) * width;
            for (int j = 0; j < width; j++) x[j] = v.TrainSet[at + j];
            return;
        }
        int inputs = s.ASize + s.BSize;
        for (int j = 0; j < inputs; j += 2)
        {
            Pair(ref state, tables, out float first, out float second);
            x[j] = first;
            if (j + 1 < inputs) x[j + 1] = second;
        }
        for (int row = 0; row < s.N; row++)
            for (int col = 0; col < s.P; col++)
            {
                double sum = (double)x[row * s.M] * x[s.ASize + col];
                for (int j = 1; j < s.M; j++) sum += (double)x[row * s.M + j] * x[s.ASize + j * s.P + col];
                x[inputs + row * s.P + col] = (float)sum;
            }
    }

    /// <summary>Row i of this step's batch: drawn from the run's stream (fresh) or read through the epoch's order (fixed).</summary>
    private static void Row(in StepScalars s, in PopulationViews v, in ZigguratTables tables, int run, int i, ref ulong state,
        out float a0, out float a1, out float a2, out float a3, out float b0, out float b1, out float b2, out float b3,
        out float t0, out float t1, out float t2, out float t3)
    {
        if (s.FixedSize == 0)
        {
            // Pairs.Draw: NormalStream.NextNormalPair four times, in stream order.
            Pair(ref state, tables, out a0, out a1);
            Pair(ref state, tables, out a2, out a3);
            Pair(ref state, tables, out b0, out b1);
            Pair(ref state, tables, out b2, out b3);
            Product(a0, a1, a2, a3, b0, b1, b2, b3, out t0, out t1, out t2, out t3);
        }
        else
        {
            long n = s.FixedSize;
            long at = (run * n + v.Order[run * n + s.Offset + i]) * 12;
            a0 = v.TrainSet[at]; a1 = v.TrainSet[at + 1]; a2 = v.TrainSet[at + 2]; a3 = v.TrainSet[at + 3];
            b0 = v.TrainSet[at + 4]; b1 = v.TrainSet[at + 5]; b2 = v.TrainSet[at + 6]; b3 = v.TrainSet[at + 7];
            t0 = v.TrainSet[at + 8]; t1 = v.TrainSet[at + 9]; t2 = v.TrainSet[at + 10]; t3 = v.TrainSet[at + 11];
        }
    }

    private static void Pair(ref ulong state, in ZigguratTables tables, out float first, out float second)
    {
        ulong u = DeviceNormals.Next(ref state);
        first = DeviceNormals.Normal24((uint)u, ref state, tables);
        second = DeviceNormals.Normal24((uint)(u >> 32), ref state, tables);
    }

    /// <summary>Pairs.SetProduct: t = A B for 2x2 matrices in double, rounded once.</summary>
    private static void Product(float a0, float a1, float a2, float a3, float b0, float b1, float b2, float b3,
        out float t0, out float t1, out float t2, out float t3)
    {
        t0 = (float)((double)a0 * b0 + (double)a1 * b2);
        t1 = (float)((double)a0 * b1 + (double)a1 * b3);
        t2 = (float)((double)a2 * b0 + (double)a3 * b2);
        t3 = (float)((double)a2 * b1 + (double)a3 * b3);
    }

    private static int At(int k, int run, int runs) => k * runs + run;

    private static float P(in PopulationViews v, int k, int run, int runs) => v.P[At(k, run, runs)];

    private static F8 Load(ArrayView<float> view, int row, int run, int runs) => new()
    {
        S0 = view[At(row * 8, run, runs)],
        S1 = view[At(row * 8 + 1, run, runs)],
        S2 = view[At(row * 8 + 2, run, runs)],
        S3 = view[At(row * 8 + 3, run, runs)],
        S4 = view[At(row * 8 + 4, run, runs)],
        S5 = view[At(row * 8 + 5, run, runs)],
        S6 = view[At(row * 8 + 6, run, runs)],
        S7 = view[At(row * 8 + 7, run, runs)],
    };

    private static void Store(ArrayView<float> view, int row, int run, int runs, F8 x)
    {
        view[At(row * 8, run, runs)] = x.S0; view[At(row * 8 + 1, run, runs)] = x.S1;
        view[At(row * 8 + 2, run, runs)] = x.S2; view[At(row * 8 + 3, run, runs)] = x.S3;
        view[At(row * 8 + 4, run, runs)] = x.S4; view[At(row * 8 + 5, run, runs)] = x.S5;
        view[At(row * 8 + 6, run, runs)] = x.S6; view[At(row * 8 + 7, run, runs)] = x.S7;
    }

    /// <summary>The cpu engine's scalar residual of output z: c = sum_k W[z, k] h[k] in slot order, minus t.</summary>
    private static float Residual(in PopulationViews v, ArrayView<float> h, int row, float t, int r, int run, int n,
        ref double lossSum)
    {
        float c = 0;
        for (int k = 0; k < r; k++) c += P(v, row * r + k, run, n) * h[k];
        float e = c - t;
        lossSum += (double)e * e;
        return e;
    }

    /// <summary>gW[z, k] += h d_z, and dh += W[z, k] d_z (the scalar path's inner loop body).</summary>
    private static float Back(in PopulationViews v, float hk, float d, int k, int run, int n, float dh)
    {
        int at = At(k, run, n);
        v.G[at] += hk * d;
        return dh + v.P[at] * d;
    }

    private static float SumSquares(in PopulationViews v, int from, int count, int run, int n)
    {
        float sq = 0;
        for (int k = from; k < from + count; k++)
        {
            float x = v.G[At(k, run, n)];
            sq += x * x;
        }
        return sq;
    }

    /// <summary>clip_grad_norm_: min(max / (total + 1e-6), 1) with total the norm of the three tensor norms; NaN stays NaN.</summary>
    private static float ClipCoefficient(float squaresU, float squaresV, float squaresW, float maxNorm)
    {
        float total = 0;
        float norm = MathF.Sqrt(squaresU);
        total += norm * norm;
        norm = MathF.Sqrt(squaresV);
        total += norm * norm;
        norm = MathF.Sqrt(squaresW);
        total += norm * norm;
        total = MathF.Sqrt(total);
        float c = maxNorm / (total + 1e-6f);
        // MathF.Min(c, 1) returns NaN for NaN; the GPU's min would return 1.
        return c < 1f || float.IsNaN(c) ? c : 1f;
    }

    private static F8 Adam(F8 p, F8 g, int row, int run, int n, in PopulationViews v, in AdamHyper h) => new()
    {
        S0 = Lane(p.S0, g.S0, At(row * 8, run, n), v, h),
        S1 = Lane(p.S1, g.S1, At(row * 8 + 1, run, n), v, h),
        S2 = Lane(p.S2, g.S2, At(row * 8 + 2, run, n), v, h),
        S3 = Lane(p.S3, g.S3, At(row * 8 + 3, run, n), v, h),
        S4 = Lane(p.S4, g.S4, At(row * 8 + 4, run, n), v, h),
        S5 = Lane(p.S5, g.S5, At(row * 8 + 5, run, n), v, h),
        S6 = Lane(p.S6, g.S6, At(row * 8 + 6, run, n), v, h),
        S7 = Lane(p.S7, g.S7, At(row * 8 + 7, run, n), v, h),
    };

    /// <summary>PyTorch's single-tensor AdamW (or SGD) on one coefficient, op for op as the cpu engine; returns the new value.</summary>
    private static float Lane(float p, float g, int at, in PopulationViews v, in AdamHyper h)
    {
        if (h.Sgd != 0)
        {
            float d = g;
            if (h.WeightDecay != 0) d = d + h.WeightDecay * p;
            return p + h.NegLr * d;
        }
        if (h.AnyDecay != 0) p *= h.Decay;
        float m = v.M[at];
        m = m + h.W1 * (g - m);
        v.M[at] = m;
        float second = v.V[at];
        second = second * h.Beta2 + h.W2 * g * g;
        v.V[at] = second;
        float denom = MathF.Sqrt(second) / h.Bc2Sqrt + h.Eps;
        return p + h.NegStep * m / denom;
    }
}
