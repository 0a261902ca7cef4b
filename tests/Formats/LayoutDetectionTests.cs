using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class LayoutDetectionTests
{
    public static TheoryData<string> AllLayouts()
    {
        var data = new TheoryData<string>();
        foreach (var o in FactorLayout.Orientations)
            foreach (var f in FactorLayout.Flattenings) data.Add($"{o}-{f}");
        return data;
    }

    /// <summary>The scheme's factors as a file in the given layout would store them.</summary>
    private static (Matrix U, Matrix V, Matrix W) Store(Scheme s, FactorLayout layout)
    {
        var (n, m, p, rank) = (s.Shape.N, s.Shape.M, s.Shape.P, s.Rank);
        Matrix Make(bool slotsFirst, int d, Func<int, int, double> at)
        {
            var data = new double[rank * d];
            for (int r = 0; r < rank; r++)
                for (int x = 0; x < d; x++)
                    data[slotsFirst ? r * d + x : x * rank + r] = at(r, x);
            return slotsFirst ? new Matrix(rank, d, data) : new Matrix(d, rank, data);
        }
        // File index x -> our index, by the layout's flattening.
        int A(int x) => layout.ARowMajor ? x : s.Shape.AIndex(x % n, x / n);
        int B(int y) => layout.BRowMajor ? y : s.Shape.BIndex(y % m, y / m);
        int C(int z) => layout.CRowMajor ? z : s.Shape.CIndex(z % n, z / n);
        return (Make(layout.USlotsFirst, n * m, (r, x) => s.U(r, A(x))),
                Make(layout.VSlotsFirst, m * p, (r, y) => s.V(r, B(y))),
                Make(layout.WSlotsFirst, n * p, (r, z) => s.W(C(z), r)));
    }

    private static readonly Scheme Rect = KnownSchemes.Naive(new Shape(2, 3, 4));

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void A_forced_layout_reads_back_exactly_what_was_stored(string name)
    {
        var layout = FactorLayout.Of(name[..3], name[4..]);
        foreach (var scheme in new[] { KnownSchemes.Strassen(), Rect })
        {
            var (u, v, w) = Store(scheme, layout);
            var choice = LayoutChooser.Choose(u, v, w, VerificationOptions.Default, name, "t");
            choice.Scheme.CoefficientsEqual(scheme).Should().BeTrue();
            choice.How.Should().Be("forced");
        }
    }

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Detection_finds_a_valid_reading_of_Strassen_stored_in_any_layout(string name)
    {
        var (u, v, w) = Store(KnownSchemes.Strassen(), FactorLayout.Of(name[..3], name[4..]));
        var choice = LayoutChooser.Choose(u, v, w, VerificationOptions.Default, null, "t");
        BrentCheck.Exact(choice.Scheme).IsValid.Should().BeTrue();
        choice.How.Should().StartWith("detected: first valid");
    }

    [Theory]
    [InlineData("ffl-rrr")]
    [InlineData("lll-rrc")]
    [InlineData("fff-crc")]
    public void A_rectangular_scheme_is_found_in_its_own_layout_because_the_sizes_fix_the_orientation(string name)
    {
        var layout = FactorLayout.Of(name[..3], name[4..]);
        var (u, v, w) = Store(Rect, layout);
        var choice = LayoutChooser.Choose(u, v, w, VerificationOptions.Default, null, "t");
        choice.Layout.Orientation.Should().Be(name[..3]);
        BrentCheck.Exact(choice.Scheme).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Without_a_valid_candidate_the_least_residual_layout_is_reported()
    {
        var noisy = KnownSchemes.Strassen().Map(x => x * 0.4);
        var (u, v, w) = Store(noisy, FactorLayout.Of("ffl", "rrr"));
        var choice = LayoutChooser.Choose(u, v, w, VerificationOptions.Default, null, "t");
        choice.How.Should().StartWith("detected: least Brent residual");
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("ffl-rrx")]
    [InlineData("ff-rrr")]
    [InlineData("ffl-rrr-rrr")]
    public void A_malformed_layout_name_is_a_format_error(string name)
    {
        var act = () => FactorLayout.Parse(name);
        act.Should().Throw<SchemeFormatException>().WithMessage("*--layout*");
    }

    [Fact]
    public void Matrices_that_fit_no_shape_are_refused()
    {
        var m = new Matrix(7, 5, new double[35]);
        var act = () => LayoutChooser.Choose(m, m, new Matrix(4, 7, new double[28]), VerificationOptions.Default, null, "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*fit no matrix-multiplication shape*");
    }

    private static PyDict Dict(params (string Key, object? Value)[] items)
    {
        var d = new PyDict();
        foreach (var (k, v) in items) d.Set(k, v);
        return d;
    }

    private static readonly NumpyArrayValue Leaf = new();

    [Fact]
    public void Factors_are_found_at_the_top_under_state_dicts_and_behind_module_prefixes()
    {
        CheckpointFactors.Find(Dict(("U", Leaf), ("V", Leaf), ("W", Leaf)), null, PickleLimits.Default, "t").Group.Should().Be("");
        CheckpointFactors.Find(Dict(("model_state_dict", Dict(("U_coefs", Leaf), ("V_coefs", Leaf), ("W_coefs", Leaf)))), null, PickleLimits.Default, "t")
            .Group.Should().Be("model_state_dict");
        CheckpointFactors.Find(Dict(("state_dict", Dict(("module.model.u", Leaf), ("module.model.v", Leaf), ("module.model.w", Leaf)))), null, PickleLimits.Default, "t")
            .Group.Should().Be("state_dict.module.model");
    }

    [Fact]
    public void Several_candidate_groups_need_a_key_and_the_key_chooses()
    {
        var root = Dict(("ema", Dict(("U", Leaf), ("V", Leaf), ("W", Leaf))), ("best", Dict(("U", Leaf), ("V", Leaf), ("W", Leaf))));
        var act = () => CheckpointFactors.Find(root, null, PickleLimits.Default, "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*several U, V, W groups (best, ema); choose one with --key*");
        CheckpointFactors.Find(root, "ema", PickleLimits.Default, "t").Group.Should().Be("ema");
        var wrong = () => CheckpointFactors.Find(root, "nope", PickleLimits.Default, "t");
        wrong.Should().Throw<SchemeFormatException>().WithMessage("*no U, V, W under 'nope'*");
    }

    [Fact]
    public void A_preferred_wrapper_wins_over_other_groups()
    {
        var root = Dict(("model_state_dict", Dict(("U", Leaf), ("V", Leaf), ("W", Leaf))), ("optimizer", Dict(("U", Leaf), ("V", Leaf), ("W", Leaf))));
        CheckpointFactors.Find(root, null, PickleLimits.Default, "t").Group.Should().Be("model_state_dict");
    }

    [Fact]
    public void A_checkpoint_without_factors_says_what_it_found()
    {
        var act = () => CheckpointFactors.Find(Dict(("U", Leaf), ("epoch", 3L)), null, PickleLimits.Default, "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*no U, V, W*partial: <top level>*");
    }
}
