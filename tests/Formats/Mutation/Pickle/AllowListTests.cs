using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>The allow-list, entry by entry: exactly these globals resolve, each to its kind (and storages to their element type).</summary>
[Trait("Category", "Fast")]
public class AllowListTests
{
    public static TheoryData<string, string, AllowedGlobal, TorchElementType?> Entries()
    {
        var data = new TheoryData<string, string, AllowedGlobal, TorchElementType?>
        {
            { "collections", "OrderedDict", AllowedGlobal.OrderedDict, null },
            { "torch._utils", "_rebuild_tensor_v2", AllowedGlobal.RebuildTensorV2, null },
            { "torch._utils", "_rebuild_tensor", AllowedGlobal.RebuildTensor, null },
            { "torch._utils", "_rebuild_parameter", AllowedGlobal.RebuildParameter, null },
            { "torch._utils", "_rebuild_parameter_with_state", AllowedGlobal.RebuildParameterWithState, null },
            { "torch", "Size", AllowedGlobal.TorchSize, null },
            { "_codecs", "encode", AllowedGlobal.CodecsEncode, null },
            { "torch", "device", AllowedGlobal.TorchDevice, null },
            { "torch", "FloatStorage", AllowedGlobal.Storage, TorchElementType.Float32 },
            { "torch", "DoubleStorage", AllowedGlobal.Storage, TorchElementType.Float64 },
            { "torch", "HalfStorage", AllowedGlobal.Storage, TorchElementType.Float16 },
            { "torch", "BFloat16Storage", AllowedGlobal.Storage, TorchElementType.BFloat16 },
            { "torch", "LongStorage", AllowedGlobal.Storage, TorchElementType.Int64 },
            { "torch", "IntStorage", AllowedGlobal.Storage, TorchElementType.Int32 },
            { "torch", "ShortStorage", AllowedGlobal.Storage, TorchElementType.Int16 },
            { "torch", "CharStorage", AllowedGlobal.Storage, TorchElementType.Int8 },
            { "torch", "ByteStorage", AllowedGlobal.Storage, TorchElementType.UInt8 },
            { "torch", "BoolStorage", AllowedGlobal.Storage, TorchElementType.Bool },
            { "torch", "UntypedStorage", AllowedGlobal.Storage, TorchElementType.UInt8 },
            { "numpy", "ndarray", AllowedGlobal.NumpyNdarray, null },
            { "numpy", "dtype", AllowedGlobal.NumpyDtype, null },
        };
        foreach (var builtins in new[] { "builtins", "__builtin__" })
        {
            data.Add(builtins, "set", AllowedGlobal.BuiltinSet, null);
            data.Add(builtins, "frozenset", AllowedGlobal.BuiltinSet, null);
            data.Add(builtins, "bytearray", AllowedGlobal.BuiltinBytearray, null);
        }
        foreach (var dtype in new[] { "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool", "float", "double", "half", "long", "int" })
            data.Add("torch", dtype, AllowedGlobal.TorchDtype, null);
        foreach (var core in new[] { "numpy.core", "numpy._core" })
        {
            data.Add($"{core}.multiarray", "_reconstruct", AllowedGlobal.NumpyReconstruct, null);
            data.Add($"{core}.multiarray", "scalar", AllowedGlobal.NumpyScalar, null);
            data.Add($"{core}.numeric", "_frombuffer", AllowedGlobal.NumpyFromBuffer, null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_allowed_global_resolves_to_its_kind(string module, string name, AllowedGlobal kind, TorchElementType? storage)
    {
        var g = AllowList.Resolve(module, name, "t.pt");
        g.Kind.Should().Be(kind);
        g.Storage.Should().Be(storage);
        g.FullName.Should().Be($"{module}.{name}");
    }

    [Fact]
    public void The_allow_list_names_exactly_these_globals_in_ordinal_order()
    {
        var expected = Entries().Select(row => $"{row[0]}.{row[1]}").Order(StringComparer.Ordinal).ToList();
        AllowList.Names.Should().Equal(expected);
        AllowList.Names.First().Should().Be("__builtin__.bytearray");
        AllowList.Names.Last().Should().Be("torch.uint8");
    }

    [Fact]
    public void An_empty_name_is_not_allowed_in_any_allowed_module()
    {
        foreach (var module in new[] { "collections", "torch", "torch._utils", "builtins", "__builtin__", "numpy", "numpy.core.multiarray", "numpy._core.numeric", "_codecs" })
        {
            var act = () => AllowList.Resolve(module, "", "t.pt");
            act.Should().Throw<SchemeFormatException>().WithMessage($"t.pt: pickle global '{module}.' is not allowed*");
        }
    }

    [Fact]
    public void A_refused_name_of_up_to_80_characters_is_quoted_whole()
    {
        var name = new string('a', 80);
        var act = () => AllowList.Resolve("os", name, "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.pt: pickle global 'os.{name}' is not allowed*");
    }

    [Fact]
    public void A_longer_refused_name_is_cut_to_80_characters_and_an_ellipsis()
    {
        var act = () => AllowList.Resolve("os", new string('a', 80) + "bcd", "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.pt: pickle global 'os.{new string('a', 80)}...' is not allowed*");
    }

    [Fact]
    public void Control_characters_in_a_refused_name_are_shown_as_question_marks()
    {
        var act = () => AllowList.Resolve("o\ns", "x\u0007", "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.pt: pickle global 'o?s.x?' is not allowed*");
    }
}
