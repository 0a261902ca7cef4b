namespace StrassenRepro.Crystallization;

/// <summary>The matrix-multiplication tensor T&lt;n,m,p&gt;: T[(i,j),(j,k),(i,k)] = 1, all else 0.</summary>
public static class MatMulTensor
{
    /// <summary>T[x, y, z] for x = A index, y = B index, z = C index (all row-major).</summary>
    public static int Entry(Shape s, int x, int y, int z)
    {
        int i = x / s.M, j = x % s.M;
        int j2 = y / s.P, k = y % s.P;
        int i2 = z / s.P, k2 = z % s.P;
        return j == j2 && i == i2 && k == k2 ? 1 : 0;
    }

    /// <summary>The dense tensor, flat in (x, y, z) order.</summary>
    public static int[] Dense(Shape s)
    {
        var t = new int[s.ASize * s.BSize * s.CSize];
        for (int i = 0; i < s.N; i++)
            for (int j = 0; j < s.M; j++)
                for (int k = 0; k < s.P; k++)
                    t[(s.AIndex(i, j) * s.BSize + s.BIndex(j, k)) * s.CSize + s.CIndex(i, k)] = 1;
        return t;
    }
}
