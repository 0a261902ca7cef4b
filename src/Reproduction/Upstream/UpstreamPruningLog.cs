namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The pruning protocol's log in experiments/extended_experiments/results.txt:102-221 (validate2.py's console output;
/// copied in ../shared/upstream/), on strassen_exact.pt: the paper's Table 6 (paper:699-710) is read from it.
/// </summary>
public static class UpstreamPruningLog
{
    public static readonly IReadOnlyList<UpstreamPruningRow> Rows =
    [
        new(1, 10, 0, 57.14, 100, 0), new(2, 15, 13, 15.48, 100, 0), new(3, 20, 17, 20.24, 100, 0),
        new(4, 25, 21, 25.00, 100, 0), new(5, 30, 25, 29.76, 100, 0), new(6, 35, 30, 35.71, 100, 0),
        new(7, 40, 34, 40.48, 100, 0), new(8, 45, 38, 45.24, 100, 0), new(9, 50, 42, 50.00, 100, 0),
        new(10, 55, 46, 54.76, 100, 0), new(11, 60, 50, 59.52, 0, 100),
    ];

    /// <summary>
    /// results.txt:210 ("Sparsity final: 0.00%": the collapsed iteration was reverted to the dense model).
    /// </summary>
    public const double FinalSparsityPercent = 0.0;
}
