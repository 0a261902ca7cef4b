using System.Buffers.Binary;
using System.Numerics;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats;

/// <summary>Each allow-listed constructor, called directly: what it builds, and which arguments it refuses.</summary>
[Trait("Category", "Fast")]
public class PickleGlobalsTests
{
    private static PyGlobal G(AllowedGlobal kind) => new("m", kind.ToString(), kind);

    private static object? Call(AllowedGlobal kind, params object?[] args) =>
        PickleGlobals.Call(G(kind), new PyTuple(args), PickleLimits.Default, "t.pt");

    private static Action Refused(AllowedGlobal kind, params object?[] args) => () => Call(kind, args);

    [Fact]
    public void OrderedDict_is_built_empty_or_from_a_list_of_pairs()
    {
        Call(AllowedGlobal.OrderedDict).Should().BeOfType<PyDict>().Which.Items.Should().BeEmpty();
        var pairs = new PyList { new PyTuple(["a", 1L]), new PyTuple(["b", 2L]), new PyTuple(["a", 3L]) };
        var dict = Call(AllowedGlobal.OrderedDict, pairs).Should().BeOfType<PyDict>().Subject;
        dict.Items.Select(kv => kv.Key).Should().Equal("a", "b");
        dict.Get("a").Should().Be(3L);
        Refused(AllowedGlobal.OrderedDict, new PyList { new PyTuple(["a"]) }).Should().Throw<SchemeFormatException>().WithMessage("*not a list of pairs*");
        Refused(AllowedGlobal.OrderedDict, "x").Should().Throw<SchemeFormatException>().WithMessage("t.pt: unexpected arguments to m.OrderedDict");
    }

    [Theory]
    [InlineData(AllowedGlobal.RebuildTensorV2)]
    [InlineData(AllowedGlobal.RebuildTensor)]
    public void A_tensor_rebuilder_makes_a_strided_view_of_its_storage(AllowedGlobal kind)
    {
        var storage = new StorageRef("0", TorchElementType.Float32, 6);
        var t = Call(kind, storage, 1L, new PyTuple([2L, 2L]), new PyList { 3L, true }).Should().BeOfType<TorchTensor>().Subject;
        t.Offset.Should().Be(1);
        t.Size.Should().Equal(2, 2);
        t.Stride.Should().Equal(3, 1);
        t.IsParameter.Should().BeFalse();
        Refused(kind, storage, 0L, new PyTuple([2L])).Should().Throw<SchemeFormatException>();
        Refused(kind, "not a storage", 0L, new PyTuple([2L]), new PyTuple([1L])).Should().Throw<SchemeFormatException>();
        Refused(kind, storage, BigInteger.Pow(2, 70), new PyTuple([2L]), new PyTuple([1L])).Should().Throw<SchemeFormatException>().WithMessage("*storage offset is out of range*");
        Refused(kind, storage, 0.5, new PyTuple([2L]), new PyTuple([1L])).Should().Throw<SchemeFormatException>().WithMessage("*storage offset is Double, not an integer*");
        Refused(kind, storage, 0L, "2", new PyTuple([1L])).Should().Throw<SchemeFormatException>().WithMessage("*size is a string, not a tuple of integers*");
        Refused(kind, storage, 0L, new PyTuple(Enumerable.Repeat<object?>(1L, 17).ToArray()), new PyTuple([1L])).Should().Throw<SchemeFormatException>().WithMessage("*size has 17 entries*");
    }

    [Theory]
    [InlineData(AllowedGlobal.RebuildParameter)]
    [InlineData(AllowedGlobal.RebuildParameterWithState)]
    public void A_parameter_rebuilder_marks_its_tensor_as_a_parameter(AllowedGlobal kind)
    {
        var t = TorchTensor.Create(new StorageRef("0", TorchElementType.Float64, 4), 0, [4], [1], PickleLimits.Default, "t.pt");
        Call(kind, t, false, new PyDict()).Should().BeOfType<TorchTensor>().Which.IsParameter.Should().BeTrue();
        Refused(kind).Should().Throw<SchemeFormatException>();
        Refused(kind, 1L).Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void Torch_Size_is_its_tuple_of_dimensions()
    {
        var dims = new PyTuple([2L, 3L]);
        Call(AllowedGlobal.TorchSize, dims).Should().BeSameAs(dims);
        Call(AllowedGlobal.TorchSize).Should().BeOfType<PyTuple>().Which.Count.Should().Be(0);
        Refused(AllowedGlobal.TorchSize, new PyList()).Should().Throw<SchemeFormatException>();
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("latin-1")]
    public void Codecs_encode_turns_a_latin1_string_into_bytes(string encoding)
    {
        Call(AllowedGlobal.CodecsEncode, "a\u00ff", encoding).Should().BeOfType<byte[]>().Which.Should().Equal(0x61, 0xff);
    }

    [Fact]
    public void Codecs_encode_refuses_other_encodings_and_arities()
    {
        Refused(AllowedGlobal.CodecsEncode, "a", "utf-8").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.CodecsEncode, "a").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.CodecsEncode, 1L, "latin1").Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void Sets_and_bytearrays_are_built_as_inert_copies()
    {
        Call(AllowedGlobal.BuiltinSet).Should().BeOfType<PyList>().Which.Should().BeEmpty();
        var items = new PyList { 1L, 2L };
        var set = Call(AllowedGlobal.BuiltinSet, items).Should().BeOfType<PyList>().Subject;
        set.Should().Equal(1L, 2L);
        set.Should().NotBeSameAs(items);
        Refused(AllowedGlobal.BuiltinSet, "ab").Should().Throw<SchemeFormatException>();

        Call(AllowedGlobal.BuiltinBytearray).Should().BeOfType<byte[]>().Which.Should().BeEmpty();
        var raw = new byte[] { 1, 2 };
        var copy = Call(AllowedGlobal.BuiltinBytearray, raw).Should().BeOfType<byte[]>().Subject;
        copy.Should().Equal(1, 2);
        copy.Should().NotBeSameAs(raw);
        Refused(AllowedGlobal.BuiltinBytearray, "ab").Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void Torch_device_is_kept_as_its_description()
    {
        Call(AllowedGlobal.TorchDevice, "cpu").Should().Be("cpu");
        Call(AllowedGlobal.TorchDevice, "cuda", 1L).Should().Be("cuda:1");
        Call(AllowedGlobal.TorchDevice, "cuda", null).Should().Be("cuda");
        Refused(AllowedGlobal.TorchDevice, "cuda", "1").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.TorchDevice, 0L).Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.TorchDevice).Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.TorchDevice, "cuda", 0L, 0L).Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void NumPy_reconstruct_makes_an_empty_array_only_for_ndarray()
    {
        Call(AllowedGlobal.NumpyReconstruct, G(AllowedGlobal.NumpyNdarray), new PyTuple([0L]), "b").Should().BeOfType<NumpyArrayValue>()
            .Which.Built.Should().BeFalse();
        Refused(AllowedGlobal.NumpyReconstruct, G(AllowedGlobal.OrderedDict), new PyTuple([0L]), "b").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.NumpyReconstruct, G(AllowedGlobal.NumpyNdarray)).Should().Throw<SchemeFormatException>();
        Call(AllowedGlobal.NumpyNdarray).Should().BeOfType<NumpyArrayValue>();
    }

    [Fact]
    public void NumPy_dtype_takes_a_short_type_code()
    {
        Call(AllowedGlobal.NumpyDtype, "f8", false, true).Should().BeOfType<NumpyDtype>().Which.Code.Should().Be("f8");
        Refused(AllowedGlobal.NumpyDtype, "").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.NumpyDtype, new string('f', 16)).Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.NumpyDtype).Should().Throw<SchemeFormatException>();
        Call(AllowedGlobal.NumpyDtype, new string('f', 15)).Should().BeOfType<NumpyDtype>();
    }

    [Fact]
    public void NumPy_scalar_decodes_its_bytes_by_dtype()
    {
        var dtype = new NumpyDtype("i4") { ByteOrder = '<' };
        Call(AllowedGlobal.NumpyScalar, dtype, new byte[] { 0xfe, 0xff, 0xff, 0xff }).Should().Be(-2.0);
        Call(AllowedGlobal.NumpyScalar, dtype).Should().BeNull();
        Refused(AllowedGlobal.NumpyScalar, dtype, "xx").Should().Throw<SchemeFormatException>();
        Refused(AllowedGlobal.NumpyScalar, "i4").Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void NumPy_frombuffer_checks_the_bytes_against_shape_and_dtype()
    {
        var dtype = new NumpyDtype("f8") { ByteOrder = '<' };
        var bytes = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, 1.5);
        var array = Call(AllowedGlobal.NumpyFromBuffer, bytes, dtype, new PyTuple([2L, 1L]), "F").Should().BeOfType<NumpyArrayValue>().Subject;
        array.Shape.Should().Equal(2, 1);
        array.Fortran.Should().BeTrue();
        array.Built.Should().BeTrue();
        Call(AllowedGlobal.NumpyFromBuffer, bytes, dtype, new PyTuple([2L]), "C").Should().BeOfType<NumpyArrayValue>().Which.Fortran.Should().BeFalse();
        Refused(AllowedGlobal.NumpyFromBuffer, bytes, dtype, new PyTuple([3L]), "C").Should().Throw<SchemeFormatException>().WithMessage("*needs 24 bytes, has 16*");
        Refused(AllowedGlobal.NumpyFromBuffer, bytes, dtype, new PyTuple([-2L]), "C").Should().Throw<SchemeFormatException>().WithMessage("*out of range*");
        Refused(AllowedGlobal.NumpyFromBuffer, bytes, dtype, new PyTuple([2L])).Should().Throw<SchemeFormatException>();
    }

    [Theory]
    [InlineData(AllowedGlobal.Storage)]
    [InlineData(AllowedGlobal.TorchDtype)]
    public void Storages_and_dtypes_are_values_not_callables(AllowedGlobal kind)
    {
        Refused(kind).Should().Throw<SchemeFormatException>().WithMessage($"t.pt: unexpected arguments to m.{kind}");
    }

    [Fact]
    public void BUILD_sets_dict_attributes_and_dtype_byte_order_and_nothing_else()
    {
        var dict = new PyDict();
        PickleGlobals.Build(dict, "meta", PickleLimits.Default, "t.pt");
        dict.Attributes.Should().Be("meta");

        var dtype = new NumpyDtype("f8");
        PickleGlobals.Build(dtype, new PyTuple([3L, ">", null]), PickleLimits.Default, "t.pt");
        dtype.ByteOrder.Should().Be('>');
        dtype.Descr.Should().Be(">f8");

        var tensor = TorchTensor.Create(new StorageRef("0", TorchElementType.Float64, 1), 0, [1], [1], PickleLimits.Default, "t.pt");
        PickleGlobals.Build(tensor, new PyDict(), PickleLimits.Default, "t.pt");

        foreach (var (instance, state) in new (object?, object?)[]
                 {
                     (new NumpyDtype("f8"), new PyTuple([3L, "<>"])), (new NumpyDtype("f8"), new PyTuple([3L])),
                     (new NumpyDtype("f8"), "x"), (new PyList(), null), (null, null), ("s", null),
                 })
        {
            var act = () => PickleGlobals.Build(instance, state, PickleLimits.Default, "t.pt");
            act.Should().Throw<SchemeFormatException>().WithMessage("t.pt: BUILD on * is not allowed");
        }
    }

    [Fact]
    public void BUILD_of_an_array_sets_its_state_once()
    {
        var array = new NumpyArrayValue();
        var dtype = new NumpyDtype("i2") { ByteOrder = '<' };
        PickleGlobals.Build(array, new PyTuple([1L, new PyTuple([2L]), dtype, false, new byte[] { 1, 0, 2, 0 }]), PickleLimits.Default, "t.pt");
        array.Built.Should().BeTrue();
        NumpyArrays.ToNpy(array, "t.pt").Data.Should().Equal(1, 2);
        var again = () => PickleGlobals.Build(array, new PyTuple([1L, new PyTuple([2L]), dtype, false, new byte[4]]), PickleLimits.Default, "t.pt");
        again.Should().Throw<SchemeFormatException>();
    }

    [Theory]
    [InlineData(null, "None")]
    [InlineData("s", "a string")]
    [InlineData(1L, "Int64")]
    public void Describe_names_a_value_for_an_error_message(object? value, string expected) =>
        PyValues.Describe(value).Should().Be(expected);

    [Fact]
    public void Describe_names_containers_and_globals()
    {
        PyValues.Describe(new PyDict()).Should().Be("a dict");
        PyValues.Describe(new PyList()).Should().Be("a list");
        PyValues.Describe(new PyTuple([])).Should().Be("a tuple");
        PyValues.Describe(new byte[1]).Should().Be("bytes");
        PyValues.Describe(G(AllowedGlobal.TorchSize)).Should().Be("m.TorchSize");
    }
}
