namespace StrassenRepro.Crystallization;

/// <summary>
/// One size of the exact transfer: the scheme's own exact coefficients applied recursively to integer matrices,
/// compared entry by entry with the integer product. Holds is an exact answer, not a tolerance.
/// </summary>
/// <param name="Mismatches">Entries of C that differ from the exact product (0 when it holds).</param>
public sealed record ExactTransferRow(int Level, int N, int M, int P, bool Holds, int Mismatches,
    ExactTransferArithmetic Arithmetic);
