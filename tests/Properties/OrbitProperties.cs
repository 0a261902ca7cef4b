using FsCheck.Xunit;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Properties;

/// <summary>Every integer scheme in Strassen's (and Winograd's) orbit is accepted and transfers.</summary>
[Trait("Category", "Fast")]
public class OrbitProperties
{
    private static readonly VerificationOptions Options = new() { TransferLevels = [1, 2, 3] };

    [Property(MaxTest = 200)]
    public bool Slot_permutations_and_sign_gauges_keep_a_scheme_valid_and_its_canonical_form(int seed)
    {
        var moved = OrbitGenerator.PermutedAndGauged(OrbitGenerator.Base(seed), new Random(seed), mayTranspose: false);
        return BrentCheck.Exact(moved).IsValid && CanonicalForm.IsStrassen(moved) == ((seed & 1) == 0);
    }

    [Property(MaxTest = 200)]
    public bool The_transpose_symmetry_keeps_a_scheme_valid(int seed)
    {
        var moved = SchemeSymmetry.Transpose(OrbitGenerator.PermutedAndGauged(OrbitGenerator.Base(seed), new Random(seed)));
        return BrentCheck.Exact(moved).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool Sandwiching_by_unimodular_integer_matrices_gives_an_integer_scheme_that_verifies_and_transfers(int seed)
    {
        var moved = OrbitGenerator.FullOrbitPoint(OrbitGenerator.Base(seed), new Random(seed));
        if (!moved.IsIntegral) return false;
        var report = Verifier.Verify(moved, Options);
        return report.Valid && report.Outcome == Outcome.Discrete && report.Transfer.All(t => t.Pass);
    }

    [Property(MaxTest = 200)]
    public bool Valid_over_Z_implies_valid_mod_2(int seed)
    {
        var moved = OrbitGenerator.FullOrbitPoint(OrbitGenerator.Base(seed), new Random(seed));
        return BrentCheck.Exact(moved, Ring.Z).IsValid && BrentCheck.Exact(moved, Ring.F2).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool A_scheme_valid_only_mod_2_is_rejected_over_Z(int seed)
    {
        var rng = new Random(seed);
        var s = OrbitGenerator.PermutedAndGauged(OrbitGenerator.Base(seed), rng);
        // Add a nonzero even number to one coefficient: nothing changes mod 2, the integer sum does.
        var u = s.URows();
        u[rng.Next(s.Rank)][rng.Next(4)] += 2 * (rng.Next(2) == 0 ? -1 : 1) * rng.Next(1, 4);
        var modTwo = Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        return BrentCheck.Exact(modTwo, Ring.F2).IsValid && !BrentCheck.Exact(modTwo, Ring.Z).IsValid;
    }
}
