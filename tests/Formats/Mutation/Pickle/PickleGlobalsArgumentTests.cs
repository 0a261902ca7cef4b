using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>Argument boundaries of the allow-listed constructors: the smallest accepted forms and the shapes they refuse.</summary>
[Trait("Category", "Fast")]
public class PickleGlobalsArgumentTests
{
    private static object? Call(AllowedGlobal kind, params object?[] args) =>
        PickleGlobals.Call(new PyGlobal("m", kind.ToString(), kind), new PyTuple(args), PickleLimits.Default, "t.pt");

    private static NumpyDtype F8 => new("f8") { ByteOrder = '<' };

    [Theory]
    [InlineData(AllowedGlobal.RebuildParameter)]
    [InlineData(AllowedGlobal.RebuildParameterWithState)]
    public void A_parameter_rebuilder_needs_only_the_tensor(AllowedGlobal kind)
    {
        var t = TorchTensor.Create(new StorageRef("0", TorchElementType.Float64, 1), 0, [1], [1], PickleLimits.Default, "t.pt");
        Call(kind, t).Should().BeOfType<TorchTensor>().Which.IsParameter.Should().BeTrue();
    }

    [Fact]
    public void A_false_stride_entry_counts_as_zero()
    {
        var storage = new StorageRef("0", TorchElementType.Float32, 1);
        Call(AllowedGlobal.RebuildTensorV2, storage, false, new PyTuple([3L]), new PyTuple([false]))
            .Should().BeOfType<TorchTensor>().Which.Stride.Should().Equal(0);
    }

    [Fact]
    public void A_tensor_stride_that_is_not_a_tuple_of_integers_names_the_stride()
    {
        var storage = new StorageRef("0", TorchElementType.Float32, 3);
        var notATuple = () => Call(AllowedGlobal.RebuildTensorV2, storage, 0L, new PyTuple([3L]), 1L);
        notATuple.Should().Throw<SchemeFormatException>().WithMessage("t.pt: stride is Int64, not a tuple of integers");
        var notIntegers = () => Call(AllowedGlobal.RebuildTensorV2, storage, 0L, new PyTuple([3L]), new PyTuple(["1"]));
        notIntegers.Should().Throw<SchemeFormatException>().WithMessage("t.pt: stride is a string, not an integer");
    }

    [Fact]
    public void A_dtype_byte_order_comes_from_a_two_item_state()
    {
        var dtype = new NumpyDtype("f8");
        PickleGlobals.Build(dtype, new PyTuple([3L, ">"]), PickleLimits.Default, "t.pt");
        dtype.ByteOrder.Should().Be('>');
    }

    [Fact]
    public void A_shape_of_sixteen_dimensions_is_accepted_and_seventeen_refused()
    {
        var ones = Enumerable.Repeat<object?>(1L, 16).ToArray();
        Call(AllowedGlobal.NumpyFromBuffer, new byte[8], F8, new PyTuple(ones), "C").Should().BeOfType<NumpyArrayValue>().Which.Shape.Should().HaveCount(16);
        var act = () => Call(AllowedGlobal.NumpyFromBuffer, new byte[8], F8, new PyTuple([.. ones, 1L]), "C");
        act.Should().Throw<SchemeFormatException>().WithMessage("*array shape has 17 entries");
    }

    [Fact]
    public void A_zero_length_dimension_is_a_valid_shape()
    {
        Call(AllowedGlobal.NumpyFromBuffer, Array.Empty<byte>(), F8, new PyTuple([2L, 0L]), "C").Should().BeOfType<NumpyArrayValue>().Which.Shape.Should().Equal(2, 0);
    }

    [Fact]
    public void Any_negative_dimension_makes_the_shape_out_of_range()
    {
        var act = () => Call(AllowedGlobal.NumpyFromBuffer, Array.Empty<byte>(), F8, new PyTuple([2L, -1L]), "C");
        act.Should().Throw<SchemeFormatException>().WithMessage("*array shape (2, -1) is out of range");
    }

    [Fact]
    public void A_dimension_past_int_range_is_out_of_range_but_int_max_only_over_the_element_limit()
    {
        var over = () => Call(AllowedGlobal.NumpyFromBuffer, Array.Empty<byte>(), F8, new PyTuple([(long)int.MaxValue + 1]), "C");
        over.Should().Throw<SchemeFormatException>().WithMessage("*out of range");
        var max = () => Call(AllowedGlobal.NumpyFromBuffer, Array.Empty<byte>(), F8, new PyTuple([(long)int.MaxValue]), "C");
        max.Should().Throw<SchemeFormatException>().WithMessage("*is over the*-element limit");
    }

    [Fact]
    public void An_array_state_whose_shape_is_not_a_tuple_names_the_shape()
    {
        var act = () => PickleGlobals.Build(new NumpyArrayValue(), new PyTuple(["2", F8, false, new byte[8]]), PickleLimits.Default, "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.pt: array shape is a string, not a tuple of integers");
    }
}
