using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// kappa by run_all_experiments.py's recipe (:135-202), on hand-made gradients and on Strassen. The script's own
/// numbers (experiments/extended_experiments/all_experiments_results.json, exp1_covariance_spectrometry):
/// strassen_exact.pt (canonical Strassen) kappa 1.0004136562347412 at B = 8, 1.001904845237732 at B = 24, inf at B = 64
/// (lambda 0); lambda_min 1.0000001111620804e-06 in every finite row; strassen_coefficients.pt at B = 24: lambda_max
/// 1.3751473426818848, kappa 1000000.0 (the cap).
/// </summary>
[Trait("Category", "Fast")]
public class RecipeKappaTests
{
    private const double UpstreamLambdaMin = 1.0000001111620804e-06;

    [Fact]
    public void No_gradient_or_zero_gradients_give_inf()
    {
        var none = RecipeKappa.FromGradients(new float[0, 4]);
        (none.Case, none.Kappa, none.Gradients).Should().Be((RecipeKappaCase.NoGradients, double.PositiveInfinity, 0));
        // One gradient (B = 64): centred it is 0, Sigma = 1e-6 I exactly, no eigenvalue is strictly above 1e-6.
        var one = RecipeKappa.FromGradients(new float[,] { { 1, 2, 3 } });
        (one.Case, one.Kappa, one.Kept, one.LambdaMax, one.LambdaMin).Should().Be(
            (RecipeKappaCase.BelowRidge, double.PositiveInfinity, 0, 0.0, 0.0));
    }

    [Fact]
    public void A_hand_computed_covariance_gives_five_thirds()
    {
        // g = (1e-3, 0), (0, 1e-3), (-1e-3, -1e-3): mean 0, Gc^T Gc = [[2, 1], [1, 2]] 1e-6, over (2 + 1e-6):
        // eigenvalues
        // 1.5e-6 and 0.5e-6 (divided by 1.0000005); plus the ridge 2.4999988e-6 and 1.4999998e-6: kappa = 1.6666658.
        var r = RecipeKappa.FromGradients(new float[,] { { 1e-3f, 0 }, { 0, 1e-3f }, { -1e-3f, -1e-3f } });
        r.Case.Should().Be(RecipeKappaCase.Ratio);
        r.Kept.Should().Be(2);
        r.LambdaMax.Should().BeApproximately(2.4999988e-6, 1e-12);
        r.LambdaMin.Should().BeApproximately(1.4999998e-6, 1e-12);
        r.Kappa.Should().BeApproximately(1.6666658, 1e-5);
        r.PrintsAsOne.Should().BeFalse();
    }

    [Fact]
    public void Gradients_far_below_the_ridge_print_as_1_000()
    {
        // Gc^T Gc = diag(8e-10, 2e-10) over 3.000001: 2.67e-10 and 6.7e-11, tiny beside the 1e-6 ridge: kappa = 1.0002.
        var r = RecipeKappa.FromGradients(new float[,] { { 2e-5f, 0 }, { -2e-5f, 0 }, { 0, 1e-5f }, { 0, -1e-5f } });
        r.Case.Should().Be(RecipeKappaCase.Ratio);
        r.Kappa.Should().BeApproximately(1.0002, 1e-5);
        r.PrintsAsOne.Should().BeTrue();
    }

    [Fact]
    public void Large_gradients_hit_the_cap_of_1e6()
    {
        // Eigenvalues 66.7 and 6.7e-7 (+ 1e-6): the ratio 4e7 is capped.
        var r = RecipeKappa.FromGradients(new float[,] { { 10, 0 }, { -10, 0 }, { 0, 1e-3f }, { 0, -1e-3f } });
        (r.Case, r.Kappa).Should().Be((RecipeKappaCase.Capped, 1e6));
        r.LambdaMax.Should().BeApproximately(200.0 / 3, 1e-3);
    }

    [Fact]
    public void Strassen_gives_1_000_from_float32_rounding_at_B_8_and_inf_at_B_64_as_upstream()
    {
        var at8 = RecipeKappa.Measure(KnownSchemes.Strassen(), 8, new GaussianSource(135));
        at8.Gradients.Should().Be(8);
        at8.Dimension.Should().Be(84);
        at8.Case.Should().Be(RecipeKappaCase.Ratio);
        at8.Kappa.Should().BeInRange(1, 1.01, "upstream: 1.0004136562347412 for strassen_exact.pt");
        at8.LambdaMin.Should().BeApproximately(UpstreamLambdaMin, 3e-13, "the ridge plus an ulp or two");
        var at64 = RecipeKappa.Measure(KnownSchemes.Strassen(), 64, new GaussianSource(135));
        (at64.Gradients, at64.Kappa, at64.LambdaMax).Should().Be((1, double.PositiveInfinity, 0.0));
        RecipeKappa.Measure(KnownSchemes.Strassen(), 128, new GaussianSource(1)).Case.Should()
            .Be(RecipeKappaCase.NoGradients);
    }

    [Fact]
    public void A_wrong_scheme_reaches_the_cap()
    {
        var r = RecipeKappa.Measure(ValidationConstant.Scheme(), 8, new GaussianSource(135));
        (r.Case, r.Kappa).Should().Be((RecipeKappaCase.Capped, 1e6));
        r.LambdaMax.Should().BeGreaterThan(1);
    }

    [Fact]
    public void The_summed_loss_gradient_matches_a_finite_difference()
    {
        var scheme = KnownSchemes.Strassen().Map(x => x + 0.05);
        var g = new float[84];
        RecipeKappa.SummedLossGradient(new Float32Scheme(scheme), 4, new GaussianSource(9), g);
        // Loss of the same 4 pairs (same stream) in double, perturbing U[0,0].
        double Loss(Scheme s)
        {
            var rng = new GaussianSource(9);
            double sum = 0;
            var a = new float[4]; var b = new float[4];
            for (int p = 0; p < 4; p++)
            {
                Float32Check.Draw(rng, a, b);
                for (int z = 0; z < 4; z++)
                {
                    double c = 0;
                    for (int r = 0; r < s.Rank; r++)
                    {
                        double l = 0, q = 0;
                        for (int x = 0; x < 4; x++) { l += s.U(r, x) * a[x]; q += s.V(r, x) * b[x]; }
                        c += s.W(z, r) * l * q;
                    }
                    int i = z / 2, k = z % 2;
                    double t = a[2 * i] * b[k] + a[2 * i + 1] * b[2 + k];
                    sum += (c - t) * (c - t);
                }
            }
            return sum;
        }
        const double h = 1e-6;
        int index = 0;
        var plus = Scheme.FromRows(Shape.Square2, Bump(scheme.URows(), h), scheme.VRows(), scheme.WRows());
        var minus = Scheme.FromRows(Shape.Square2, Bump(scheme.URows(), -h), scheme.VRows(), scheme.WRows());
        double numeric = (Loss(plus) - Loss(minus)) / (2 * h);
        g[index].Should().BeApproximately((float)numeric, 1e-3f * (1 + Math.Abs((float)numeric)));
    }

    private static double[][] Bump(double[][] rows, double h)
    {
        var copy = rows.Select(r => r.ToArray()).ToArray();
        copy[0][0] += h;
        return copy;
    }
}
