using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class BrentSystemTests
{
    /// <summary>A scheme with every coefficient drawn at random, for a shape whose three sizes differ.</summary>
    private static (BrentSystem System, double[] X) RandomPoint(ulong seed)
    {
        var system = new BrentSystem(new Shape(2, 1, 3), 4);
        var rng = new GaussianSource(seed);
        return (system, Enumerable.Range(0, system.VariableCount).Select(_ => rng.NextGaussian()).ToArray());
    }

    [Fact]
    public void Sizes_follow_the_shape_and_rank()
    {
        var system = new BrentSystem(new Shape(2, 1, 3), 4);
        system.VariableCount.Should().Be(4 * (2 + 3 + 6));
        system.EquationCount.Should().Be(2 * 3 * 6);
        system.Shape.Should().Be(new Shape(2, 1, 3));
        system.Rank.Should().Be(4);
    }

    [Fact]
    public void A_rank_below_one_is_refused()
    {
        var act = () => new BrentSystem(Shape.Square2, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Pack_and_Unpack_are_inverse_and_follow_the_scheme_layout()
    {
        var strassen = KnownSchemes.Strassen();
        var system = new BrentSystem(Shape.Square2, 7);
        var x = system.Pack(strassen);
        x.Should().Equal([.. strassen.UFlat, .. strassen.VFlat, .. strassen.WFlat]);
        system.Unpack(x).CoefficientsEqual(strassen).Should().BeTrue();
    }

    [Fact]
    public void Pack_refuses_a_scheme_of_another_shape_or_rank()
    {
        var system = new BrentSystem(Shape.Square2, 8);
        var act = () => system.Pack(KnownSchemes.Strassen());
        act.Should().Throw<ArgumentException>();
        var act2 = () => system.Pack(KnownSchemes.Naive(new Shape(2, 2, 1)));
        act2.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_residual_of_an_exact_scheme_is_zero_and_of_the_zero_scheme_is_minus_T()
    {
        var system = new BrentSystem(Shape.Square2, 7);
        system.Residual(system.Pack(KnownSchemes.Winograd())).Should().OnlyContain(e => e == 0);
        var zero = system.Residual(new double[system.VariableCount]);
        for (int x = 0; x < 4; x++)
            for (int y = 0; y < 4; y++)
                for (int z = 0; z < 4; z++)
                    zero[(x * 4 + y) * 4 + z].Should().Be(-MatMulTensor.Entry(Shape.Square2, x, y, z));
    }

    [Fact]
    public void The_largest_residual_is_BrentChecks_max_residual()
    {
        var (system, x) = RandomPoint(3);
        var e = system.Residual(x);
        e.Max(Math.Abs).Should().BeApproximately(BrentCheck.MaxResidual(system.Unpack(x)), 1e-12);
    }

    [Fact]
    public void The_normal_equations_equal_JtJ_and_Jte_of_the_explicit_Jacobian()
    {
        var (system, x) = RandomPoint(5);
        var e = system.Residual(x);
        // The residual is affine in each single coefficient, so a unit difference is its exact derivative.
        var jacobian = new double[system.VariableCount][];
        for (int a = 0; a < system.VariableCount; a++)
        {
            var moved = (double[])x.Clone();
            moved[a] += 1;
            var em = system.Residual(moved);
            jacobian[a] = em.Select((v, i) => v - e[i]).ToArray();
        }
        // A shuffled subset of the variables, including the first and the last of each factor.
        int[] free = [43, 0, 7, 8, 19, 20, 31, 32, 11, 5, 27];
        var (normal, gradient) = system.NormalEquations(x, e, free);
        for (int i = 0; i < free.Length; i++)
        {
            gradient[i].Should().BeApproximately(Dot(jacobian[free[i]], e), 1e-9);
            for (int j = 0; j < free.Length; j++)
                normal[i * free.Length + j].Should().BeApproximately(Dot(jacobian[free[i]], jacobian[free[j]]), 1e-9,
                    $"entry ({free[i]}, {free[j]})");
        }
    }

    [Fact]
    public void Every_variable_decodes_to_its_factor_slot_and_index()
    {
        var system = new BrentSystem(new Shape(2, 1, 3), 4);
        // U is 4 x 2, V 4 x 3, W 6 x 4 (row-major, slot last).
        system.Decode(0).Should().Be(new BrentSystem.Variable(0, 0, 0));
        system.Decode(7).Should().Be(new BrentSystem.Variable(0, 3, 1));
        system.Decode(8).Should().Be(new BrentSystem.Variable(1, 0, 0));
        system.Decode(19).Should().Be(new BrentSystem.Variable(1, 3, 2));
        system.Decode(20).Should().Be(new BrentSystem.Variable(2, 0, 0));
        system.Decode(25).Should().Be(new BrentSystem.Variable(2, 1, 1));
        system.Decode(43).Should().Be(new BrentSystem.Variable(2, 3, 5));
    }

    private static double Dot(double[] a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
