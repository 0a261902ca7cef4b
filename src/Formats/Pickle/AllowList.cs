using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// The allow-list: the only pickle globals a checkpoint may name (the idea of torch.load's weights_only).
/// Anything else is refused by name before it can be used.
/// </summary>
public static class AllowList
{
    private static readonly Dictionary<string, PyGlobal> Globals = Build();

    public static PyGlobal Resolve(string module, string name, string file)
    {
        if (Globals.TryGetValue($"{module}\n{name}", out var g)) return g;
        throw new SchemeFormatException(
            $"{file}: pickle global '{PrintableText.Of(module)}.{PrintableText.Of(name)}' is not allowed " +
            "(only torch tensor/storage rebuilders, collections.OrderedDict and NumPy array globals are)");
    }

    public static IEnumerable<string> Names => Globals.Values.Select(g => g.FullName).Order(StringComparer.Ordinal);

    private static Dictionary<string, PyGlobal> Build()
    {
        var list = new List<PyGlobal>
        {
            new("collections", "OrderedDict", AllowedGlobal.OrderedDict),
            new("torch._utils", "_rebuild_tensor_v2", AllowedGlobal.RebuildTensorV2),
            new("torch._utils", "_rebuild_tensor", AllowedGlobal.RebuildTensor),
            new("torch._utils", "_rebuild_parameter", AllowedGlobal.RebuildParameter),
            new("torch._utils", "_rebuild_parameter_with_state", AllowedGlobal.RebuildParameterWithState),
            new("torch", "Size", AllowedGlobal.TorchSize),
            new("_codecs", "encode", AllowedGlobal.CodecsEncode),
            new("torch", "device", AllowedGlobal.TorchDevice),
        };
        // Protocol 2 writes sets and bytearrays as REDUCEs of these builtins (Python 2 spelling by default).
        foreach (var builtins in new[] { "builtins", "__builtin__" })
        {
            list.Add(new(builtins, "set", AllowedGlobal.BuiltinSet));
            list.Add(new(builtins, "frozenset", AllowedGlobal.BuiltinSet));
            list.Add(new(builtins, "bytearray", AllowedGlobal.BuiltinBytearray));
        }
        (string Name, TorchElementType Type)[] storages =
        [
            ("FloatStorage", TorchElementType.Float32), ("DoubleStorage", TorchElementType.Float64),
            ("HalfStorage", TorchElementType.Float16), ("BFloat16Storage", TorchElementType.BFloat16),
            ("LongStorage", TorchElementType.Int64), ("IntStorage", TorchElementType.Int32),
            ("ShortStorage", TorchElementType.Int16), ("CharStorage", TorchElementType.Int8),
            ("ByteStorage", TorchElementType.UInt8), ("BoolStorage", TorchElementType.Bool),
            ("UntypedStorage", TorchElementType.UInt8),
        ];
        list.AddRange(storages.Select(s => new PyGlobal("torch", s.Name, AllowedGlobal.Storage, s.Type)));
        string[] dtypes =
        [
            "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool",
            "float", "double", "half", "long", "int",
        ];
        list.AddRange(dtypes.Select(d => new PyGlobal("torch", d, AllowedGlobal.TorchDtype)));
        // NumPy 1.x spells its modules numpy.core.*, NumPy 2.x numpy._core.*.
        foreach (var core in new[] { "numpy.core", "numpy._core" })
        {
            list.Add(new($"{core}.multiarray", "_reconstruct", AllowedGlobal.NumpyReconstruct));
            list.Add(new($"{core}.multiarray", "scalar", AllowedGlobal.NumpyScalar));
            list.Add(new($"{core}.numeric", "_frombuffer", AllowedGlobal.NumpyFromBuffer));
        }
        list.Add(new("numpy", "ndarray", AllowedGlobal.NumpyNdarray));
        list.Add(new("numpy", "dtype", AllowedGlobal.NumpyDtype));
        return list.ToDictionary(g => $"{g.Module}\n{g.Name}");
    }
}
