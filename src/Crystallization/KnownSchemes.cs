namespace StrassenRepro.Crystallization;

/// <summary>Reference schemes, written out from their textbook formulas.</summary>
public static class KnownSchemes
{
    // A = [a11 a12; a21 a22] -> a = [a11, a12, a21, a22]; likewise b and c.

    /// <summary>Strassen (1969): M1..M7 as in the original paper.</summary>
    public static Scheme Strassen() => Scheme.FromRows(Shape.Square2,
        u: [
            [1, 0, 0, 1],   // M1 = (a11 + a22)(b11 + b22)
            [0, 0, 1, 1],   // M2 = (a21 + a22) b11
            [1, 0, 0, 0],   // M3 = a11 (b12 - b22)
            [0, 0, 0, 1],   // M4 = a22 (b21 - b11)
            [1, 1, 0, 0],   // M5 = (a11 + a12) b22
            [-1, 0, 1, 0],  // M6 = (a21 - a11)(b11 + b12)
            [0, 1, 0, -1],  // M7 = (a12 - a22)(b21 + b22)
        ],
        v: [
            [1, 0, 0, 1],
            [1, 0, 0, 0],
            [0, 1, 0, -1],
            [-1, 0, 1, 0],
            [0, 0, 0, 1],
            [1, 1, 0, 0],
            [0, 0, 1, 1],
        ],
        w: [
            [1, 0, 0, 1, -1, 0, 1],  // c11 = M1 + M4 - M5 + M7
            [0, 0, 1, 0, 1, 0, 0],   // c12 = M3 + M5
            [0, 1, 0, 1, 0, 0, 0],   // c21 = M2 + M4
            [1, -1, 1, 0, 0, 1, 0],  // c22 = M1 - M2 + M3 + M6
        ]);

    /// <summary>Winograd's variant (7 multiplications, 15 additions): in Strassen's orbit but not equal to his coefficients.</summary>
    public static Scheme Winograd() => Scheme.FromRows(Shape.Square2,
        u: [
            [1, 0, 0, 0],    // m1 = a11 b11
            [0, 1, 0, 0],    // m2 = a12 b21
            [-1, 0, 1, 1],   // m3 = (a21 + a22 - a11)(b11 - b12 + b22)
            [1, 0, -1, 0],   // m4 = (a11 - a21)(b22 - b12)
            [0, 0, 1, 1],    // m5 = (a21 + a22)(b12 - b11)
            [1, 1, -1, -1],  // m6 = (a12 - a21 + a11 - a22) b22
            [0, 0, 0, 1],    // m7 = a22 (b11 + b22 - b12 - b21)
        ],
        v: [
            [1, 0, 0, 0],
            [0, 0, 1, 0],
            [1, -1, 0, 1],
            [0, -1, 0, 1],
            [-1, 1, 0, 0],
            [0, 0, 0, 1],
            [1, -1, -1, 1],
        ],
        w: [
            [1, 1, 0, 0, 0, 0, 0],   // c11 = m1 + m2
            [1, 0, 1, 0, 1, 1, 0],   // c12 = m1 + m3 + m5 + m6
            [1, 0, 1, 1, 0, 0, -1],  // c21 = m1 + m3 + m4 - m7
            [1, 0, 1, 1, 1, 0, 0],   // c22 = m1 + m3 + m4 + m5
        ]);

    /// <summary>The naive scheme with n*m*p slots: one per product A[i,j] B[j,k].</summary>
    public static Scheme Naive(Shape s)
    {
        int rank = s.N * s.M * s.P;
        var u = new double[rank * s.ASize];
        var v = new double[rank * s.BSize];
        var w = new double[s.CSize * rank];
        int r = 0;
        for (int i = 0; i < s.N; i++)
            for (int j = 0; j < s.M; j++)
                for (int k = 0; k < s.P; k++, r++)
                {
                    u[r * s.ASize + s.AIndex(i, j)] = 1;
                    v[r * s.BSize + s.BIndex(j, k)] = 1;
                    w[s.CIndex(i, k) * rank + r] = 1;
                }
        return new Scheme(s, rank, u, v, w);
    }
}
