using BenchmarkDotNet.Attributes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Bench;

/// <summary>The exact Brent check: microseconds for &lt;2,2,2;7&gt;, and a 4x4 rank-49 scheme for scale.</summary>
[MemoryDiagnoser]
public class BrentCheckBenchmarks
{
    private readonly Scheme _strassen = KnownSchemes.Strassen();
    private readonly Scheme _strassenSquared = SchemeSymmetry.Kronecker(KnownSchemes.Strassen(), KnownSchemes.Strassen());

    [Benchmark(Baseline = true)]
    public bool Strassen_over_Z() => BrentCheck.Exact(_strassen).IsValid;

    [Benchmark]
    public bool Strassen_mod_2() => BrentCheck.Exact(_strassen, Ring.F2).IsValid;

    [Benchmark]
    public double Strassen_real_residual() => BrentCheck.MaxResidual(_strassen);

    [Benchmark]
    public bool Strassen_squared_4x4_rank_49_over_Z() => BrentCheck.Exact(_strassenSquared).IsValid;

    [Benchmark]
    public string Full_verification_without_transfer() =>
        Verifier.Verify(_strassen, new VerificationOptions { TransferLevels = [] }).Outcome.ToWire();
}
