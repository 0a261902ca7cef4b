namespace StrassenRepro.Crystallization;

/// <summary>One size of the zero-shot transfer: errors of the recursive product against a float64 naive product.</summary>
public sealed record TransferRow(
    int Level,
    int N,
    int M,
    int P,
    double MaxAbsErrorF32,
    double MaxRelErrorF32,
    double MaxAbsErrorF64,
    double MaxRelErrorF64,
    bool Pass,
    bool PaperCriterionF32);
