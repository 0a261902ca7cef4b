namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The memory arithmetic of experiments/cache_analysis_v2.py (:32-83), the source of C9's numbers: model 96 floats =
/// 384 B (:33), AdamW state 192 floats = 768 B (:34), a typed per-sample constant of 320 B (:35; its docstring's
/// derivation, :22-27, lists terms that add to 20 floats per pass, not 40), total = 1152 + 320 B (:37, :69); a batch
/// size is "coherent" for an L3 cache when the total is below half of it (:63, :70).
/// </summary>
public static class CacheArithmetic
{
    public const long ModelBytes = 96 * 4, OptimizerBytes = 192 * 4, PerSampleBytes = 320;

    /// <summary>cache_analysis_v2.py:39.</summary>
    public static readonly IReadOnlyList<int> BatchSizes = [8, 16, 24, 32, 48, 64, 96, 128, 256, 512, 1024];

    /// <summary>cache_analysis_v2.py:42-48: name and L3 size in MiB.</summary>
    public static readonly IReadOnlyList<(string Name, int Mib)> Caches =
    [
        ("Intel Xeon E5 (tested)", 35), ("Intel i7-8700", 12), ("Apple M1/M2", 12), ("Intel i5 (laptop)", 6),
        ("Raspberry Pi 4", 1),
    ];

    public static long TotalBytes(int batchSize) => ModelBytes + OptimizerBytes + batchSize * PerSampleBytes;

    /// <summary>
    /// [smallest, largest] coherent batch size for an L3 of the given MiB, or null when none fits (:80-83).
    /// </summary>
    public static (int Min, int Max)? CoherentRange(int l3Mib)
    {
        var fits = BatchSizes.Where(b => TotalBytes(b) < l3Mib * 1024.0 * 1024.0 * 0.5).ToList();
        return fits.Count == 0 ? null : (fits.Min(), fits.Max());
    }
}
