using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Finding U, V, W in an unpickled checkpoint: the names and wrappers recognised, and the bounded walk.</summary>
[Trait("Category", "Fast")]
public class CheckpointFactorsTests
{
    private static PyDict Dict(params (string Key, object? Value)[] items)
    {
        var d = new PyDict();
        foreach (var (k, v) in items) d.Set(k, v);
        return d;
    }

    private static PyDict Factors(string suffix = "") =>
        Dict(("U" + suffix, new NumpyArrayValue()), ("V" + suffix, new NumpyArrayValue()), ("W" + suffix, new NumpyArrayValue()));

    private static CheckpointFactors.Found Find(object root, PickleLimits? limits = null) =>
        CheckpointFactors.Find(root, null, limits ?? PickleLimits.Default, "t");

    [Theory]
    [InlineData("model_state_dict")]
    [InlineData("state_dict")]
    [InlineData("model")]
    [InlineData("module")]
    [InlineData("net")]
    [InlineData("_orig_mod")]
    [InlineData("params")]
    [InlineData("parameters")]
    public void Every_common_wrapper_is_preferred_over_another_group(string wrapper)
    {
        var root = Dict(("ema", Factors()), (wrapper, Factors()));
        Find(root).Group.Should().Be(wrapper);
    }

    [Fact]
    public void A_group_is_preferred_only_when_every_segment_of_its_path_is_a_wrapper()
    {
        var root = Dict(("model", Dict(("ema", Factors()))), ("best", Factors()));
        var act = () => Find(root);
        act.Should().Throw<SchemeFormatException>().WithMessage("*several U, V, W groups (best, model.ema)*");
    }

    [Theory]
    [InlineData("_coef")]
    [InlineData("_coefs")]
    [InlineData("_coeffs")]
    [InlineData("_COEFFS")]
    public void Coefficient_suffixes_name_the_factors(string suffix)
    {
        var factors = Factors(suffix);
        var found = Find(Dict(("net", factors)));
        found.Group.Should().Be("net");
        found.U.Should().BeSameAs(factors.Get("U" + suffix));
        found.W.Should().BeSameAs(factors.Get("W" + suffix));
    }

    [Fact]
    public void When_a_group_names_a_factor_twice_the_first_in_file_order_wins()
    {
        NumpyArrayValue first = new(), second = new();
        var root = Dict(("U", first), ("u_coefs", second), ("V", new NumpyArrayValue()), ("W", new NumpyArrayValue()));
        Find(root).U.Should().BeSameAs(first);
        var swapped = Dict(("u_coefs", second), ("U", first), ("V", new NumpyArrayValue()), ("W", new NumpyArrayValue()));
        Find(swapped).U.Should().BeSameAs(second);
    }

    [Fact]
    public void A_walk_of_exactly_the_node_limit_is_allowed_and_one_more_is_refused()
    {
        // The root dict and its three arrays: four nodes.
        Find(Factors(), PickleLimits.Default with { MaxVisited = 4 }).Group.Should().Be("");
        var act = () => Find(Factors(), PickleLimits.Default with { MaxVisited = 3 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*more than 3 nested values*");
    }

    [Fact]
    public void A_container_at_the_depth_limit_is_refused_but_arrays_there_are_read()
    {
        // state_dict sits at depth 1, its arrays at depth 2.
        var root = Dict(("state_dict", Factors()));
        Find(root, PickleLimits.Default with { MaxDepth = 2 }).Group.Should().Be("state_dict");
        var act = () => Find(root, PickleLimits.Default with { MaxDepth = 1 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*nests deeper than 1 levels*");
    }

    [Fact]
    public void A_non_container_value_at_the_depth_limit_is_skipped()
    {
        var factors = Factors();
        factors.Set("step", 5L);
        var root = Dict(("state_dict", factors));
        Find(root, PickleLimits.Default with { MaxDepth = 2 }).Group.Should().Be("state_dict");
    }
}
