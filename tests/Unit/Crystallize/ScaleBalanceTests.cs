using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class ScaleBalanceTests
{
    private static double[,] Diagonal(params double[] d)
    {
        var m = new double[d.Length, d.Length];
        for (int i = 0; i < d.Length; i++) m[i, i] = d[i];
        return m;
    }

    [Theory]
    [InlineData("Strassen")]
    [InlineData("Laderman")]
    [InlineData("naive")]
    public void A_plus_minus_one_scheme_under_diagonal_scalings_is_balanced_back_onto_the_integers(string name)
    {
        var exact = name switch
        {
            "Strassen" => KnownSchemes.Strassen(),
            "Laderman" => KnownSchemes.Laderman(),
            _ => KnownSchemes.Naive(new Shape(2, 1, 3)),
        };
        var s = exact.Shape;
        var rng = new GaussianSource(4);
        double Draw() => Math.Exp(rng.NextGaussian());
        var scaled = SchemeSymmetry.ChangeBasis(exact,
            Diagonal(Enumerable.Range(0, s.N).Select(_ => Draw()).ToArray()),
            Diagonal(Enumerable.Range(0, s.M).Select(_ => Draw()).ToArray()),
            Diagonal(Enumerable.Range(0, s.P).Select(_ => -Draw()).ToArray()));
        for (int r = 0; r < exact.Rank; r++) scaled = SchemeSymmetry.ScaleSlot(scaled, r, Draw(), -Draw());
        var balanced = ScaleBalance.Balance(scaled);
        balanced.Coefficients().Should().OnlyContain(c => Math.Abs(Math.Abs(c) - 1) < 1e-9 || c == 0);
        BrentCheck.MaxResidual(balanced).Should().BeLessThan(1e-9);
    }

    [Fact]
    public void Entries_that_are_small_against_their_factor_are_left_out_of_the_fit()
    {
        // <1,2,1;1>: |u_j v_j w| = 1 is needed for both j to balance every entry to 1. With u = (8, 0.48) the
        // second product is 0.06 and the fit has to compromise; with u = (8, 0.32) the entry is at most 5% of
        // the largest, taken as a zero, and the rest balances exactly.
        var included = ScaleBalance.Balance(Scheme.FromRows(new Shape(1, 2, 1), [[8, 0.48]], [[0.25, 0.25]], [[0.5]]));
        Math.Abs(included.U(0, 0)).Should().NotBeApproximately(1, 1e-3);
        var excluded = ScaleBalance.Balance(Scheme.FromRows(new Shape(1, 2, 1), [[8, 0.32]], [[0.25, 0.25]], [[0.5]]));
        foreach (var c in new[] { excluded.U(0, 0), excluded.V(0, 0), excluded.V(0, 1), excluded.W(0, 0) })
            Math.Abs(c).Should().BeApproximately(1, 1e-9);
        // The boundary itself (exactly 5%) counts as a zero.
        var boundary = ScaleBalance.Balance(Scheme.FromRows(new Shape(1, 2, 1), [[8, 0.4]], [[0.25, 0.25]], [[0.5]]));
        Math.Abs(boundary.U(0, 0)).Should().BeApproximately(1, 1e-9);
    }
}
