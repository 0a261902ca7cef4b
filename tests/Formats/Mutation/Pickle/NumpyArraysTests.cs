using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>NumPy arrays from their pickled state: the bytes must match shape and dtype, and decode in the dtype's byte order.</summary>
[Trait("Category", "Fast")]
public class NumpyArraysTests
{
    private static NumpyArrayValue Built(string code, char order, long[] shape, byte[] raw)
    {
        var array = new NumpyArrayValue();
        var state = new PyTuple([1L, new PyTuple(shape.Cast<object?>().ToArray()), new NumpyDtype(code) { ByteOrder = order }, false, raw]);
        NumpyArrays.SetState(array, state, PickleLimits.Default, "t.pkl");
        return array;
    }

    private static Action Building(string code, char order, long[] shape, byte[] raw, PickleLimits? limits = null) => () =>
    {
        var state = new PyTuple([new PyTuple(shape.Cast<object?>().ToArray()), new NumpyDtype(code) { ByteOrder = order }, false, raw]);
        NumpyArrays.SetState(new NumpyArrayValue(), state, limits ?? PickleLimits.Default, "t.pkl");
    };

    [Theory]
    [InlineData("?", 1)]
    [InlineData("b1", 1)]
    [InlineData("i1", 1)]
    [InlineData("u1", 1)]
    [InlineData("i2", 2)]
    [InlineData("f2", 2)]
    [InlineData("f4", 4)]
    [InlineData("i8", 8)]
    public void An_array_state_needs_exactly_shape_times_item_size_bytes(string code, int size)
    {
        Built(code, '|', [3], new byte[3 * size]).Shape.Should().Equal(3);
        Building(code, '|', [3], new byte[3 * size + 1]).Should().Throw<SchemeFormatException>().WithMessage($"*needs {3 * size} bytes, has {3 * size + 1}");
        Building(code, '|', [3], new byte[3 * size - 1]).Should().Throw<SchemeFormatException>().WithMessage($"*needs {3 * size} bytes, has {3 * size - 1}");
    }

    [Theory]
    [InlineData("f3")]
    [InlineData("c16")]
    [InlineData("x")]
    [InlineData("")]
    public void An_unsupported_item_size_is_refused(string code) =>
        Building(code, '<', [1], new byte[1]).Should().Throw<SchemeFormatException>().WithMessage($"*unsupported NumPy dtype '{code}'");

    [Fact]
    public void Bool_arrays_decode_under_either_spelling()
    {
        NumpyArrays.ToNpy(Built("?", '|', [3], [0, 1, 2]), "t.pkl").Data.Should().Equal(0, 1, 2);
        NumpyArrays.ToNpy(Built("b1", '|', [2], [1, 0]), "t.pkl").Data.Should().Equal(1, 0);
    }

    [Fact]
    public void A_big_endian_dtype_decodes_big_endian_and_others_little_endian()
    {
        NumpyArrays.ToNpy(Built("i2", '>', [2], [0, 5, 1, 0]), "t.pkl").Data.Should().Equal(5, 256);
        NumpyArrays.ToNpy(Built("i2", '<', [2], [0, 5, 1, 0]), "t.pkl").Data.Should().Equal(1280, 1);
        NumpyArrays.ToNpy(Built("i2", '|', [1], [1, 0]), "t.pkl").Data.Should().Equal(1);
        NumpyArrays.ToNpy(Built("i2", '=', [1], [1, 0]), "t.pkl").Data.Should().Equal(1);
    }

    [Fact]
    public void A_big_endian_scalar_decodes_big_endian() =>
        NumpyArrays.Scalar(new NumpyDtype("i4") { ByteOrder = '>' }, [0, 0, 1, 2], "t.pkl").Should().Be(258.0);

    [Fact]
    public void Exactly_the_element_limit_is_accepted_and_one_more_refused()
    {
        var limits = new PickleLimits { MaxElements = 6 };
        Building("u1", '|', [2, 3], new byte[6], limits).Should().NotThrow();
        Building("u1", '|', [7], new byte[7], limits).Should().Throw<SchemeFormatException>().WithMessage("*shape (7) is over the 6-element limit");
    }

    [Fact]
    public void An_array_without_state_cannot_be_read()
    {
        var act = () => NumpyArrays.ToNpy(new NumpyArrayValue(), "t.pkl");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.pkl: NumPy array without state");
        var unbuilt = new NumpyArrayValue { Shape = [1], Dtype = new NumpyDtype("u1"), Raw = [7] };
        var act2 = () => NumpyArrays.ToNpy(unbuilt, "t.pkl");
        act2.Should().Throw<SchemeFormatException>().WithMessage("t.pkl: NumPy array without state");
    }

    [Fact]
    public void An_object_array_is_not_read_as_numbers()
    {
        var array = new NumpyArrayValue();
        NumpyArrays.SetState(array, new PyTuple([new PyTuple([1L]), new NumpyDtype("O8"), false, new PyList { 1L }]), PickleLimits.Default, "t.pkl");
        var act = () => NumpyArrays.ToNpy(array, "t.pkl");
        act.Should().Throw<SchemeFormatException>().WithMessage("*nested object array where numbers were expected");
    }
}
