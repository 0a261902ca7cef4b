namespace StrassenRepro.Crystallization;

/// <summary>The shape &lt;n,m,p&gt; of a matrix product: A is n x m, B is m x p, C is n x p.</summary>
public readonly record struct Shape(int N, int M, int P)
{
    public static readonly Shape Square2 = new(2, 2, 2);

    /// <summary>Entries of A (columns of U).</summary>
    public int ASize => N * M;

    /// <summary>Entries of B (columns of V).</summary>
    public int BSize => M * P;

    /// <summary>Entries of C (rows of W).</summary>
    public int CSize => N * P;

    public bool IsSquare => N == M && M == P;

    /// <summary>Row-major index of A[i,j].</summary>
    public int AIndex(int i, int j) => i * M + j;

    /// <summary>Row-major index of B[j,k].</summary>
    public int BIndex(int j, int k) => j * P + k;

    /// <summary>Row-major index of C[i,k].</summary>
    public int CIndex(int i, int k) => i * P + k;

    public override string ToString() => $"<{N},{M},{P}>";

    public static Shape Validated(int n, int m, int p)
    {
        if (n < 1 || m < 1 || p < 1 || n > 64 || m > 64 || p > 64)
            throw new SchemeFormatException($"shape <{n},{m},{p}> is out of range (each dimension 1..64)");
        return new Shape(n, m, p);
    }
}
