using System.Text;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// What REDUCE, NEWOBJ and BUILD may do: each allow-listed global is a pure C# constructor of an inert
/// value. There is no reflection and no other callable, so no code in the file can run.
/// </summary>
public static class PickleGlobals
{
    public static object? Call(PyGlobal g, PyTuple args, PickleLimits limits, string file)
    {
        switch (g.Kind)
        {
            case AllowedGlobal.OrderedDict:
                if (args.Count == 0) return new PyDict();
                if (args.Count == 1 && args[0] is PyList pairs) return DictFromPairs(pairs, file);
                break;
            case AllowedGlobal.RebuildTensorV2:
            case AllowedGlobal.RebuildTensor:
                if (args.Count >= 4 && args[0] is StorageRef storage)
                    return TorchTensor.Create(storage, PyValues.Int(args[1], "storage offset", file), PyValues.Ints(args[2], "size", file),
                        PyValues.Ints(args[3], "stride", file), limits, file);
                break;
            case AllowedGlobal.RebuildParameter:
            case AllowedGlobal.RebuildParameterWithState:
                if (args.Count >= 1 && args[0] is TorchTensor t) return t with { IsParameter = true };
                break;
            case AllowedGlobal.TorchSize:
                if (args.Count == 1 && args[0] is PyTuple dims) return dims;
                if (args.Count == 0) return new PyTuple([]);
                break;
            case AllowedGlobal.CodecsEncode:
                // Protocol 2 writes Python 3 bytes as _codecs.encode(str, 'latin1').
                if (args.Count == 2 && args[0] is string text && args[1] is string enc && enc is "latin1" or "latin-1")
                    return Encoding.Latin1.GetBytes(text);
                break;
            case AllowedGlobal.BuiltinSet:
                if (args.Count == 0) return new PyList();
                if (args.Count == 1 && args[0] is PyList items) { var set = new PyList(); set.AddRange(items); return set; }
                break;
            case AllowedGlobal.BuiltinBytearray:
                if (args.Count == 0) return Array.Empty<byte>();
                if (args.Count == 1 && args[0] is byte[] raw) return raw.ToArray();
                break;
            case AllowedGlobal.TorchDevice:
                // torch.device('cuda', 0) and the like: kept as its description, a string.
                if (args.Count is 1 or 2 && args[0] is string type && (args.Count == 1 || args[1] is long or null))
                    return args.Count == 2 && args[1] is long index ? $"{type}:{index}" : type;
                break;
            case AllowedGlobal.NumpyReconstruct:
                if (args.Count == 3 && args[0] is PyGlobal { Kind: AllowedGlobal.NumpyNdarray }) return new NumpyArrayValue();
                break;
            case AllowedGlobal.NumpyNdarray:
                return new NumpyArrayValue();
            case AllowedGlobal.NumpyDtype:
                if (args.Count >= 1 && args[0] is string code && code.Length is > 0 and < 16) return new NumpyDtype(code);
                break;
            case AllowedGlobal.NumpyScalar:
                if (args.Count == 2 && args[0] is NumpyDtype sd && args[1] is byte[] sb)
                    return NumpyArrays.Scalar(sd, sb, file);
                if (args.Count == 1 && args[0] is NumpyDtype) return null;
                break;
            case AllowedGlobal.NumpyFromBuffer:
                if (args.Count == 4 && args[0] is byte[] buf && args[1] is NumpyDtype fd && args[2] is PyTuple shape && args[3] is string order)
                    return NumpyArrays.Complete(new NumpyArrayValue { Shape = PyValues.Dims(shape, file), Dtype = fd, Fortran = order == "F", Raw = buf, Built = true }, limits, file);
                break;
            case AllowedGlobal.Storage:
            case AllowedGlobal.TorchDtype:
                break;
        }
        throw new SchemeFormatException($"{file}: unexpected arguments to {g.FullName}");
    }

    /// <summary>BUILD: set the state of a value an allow-listed constructor made.</summary>
    public static void Build(object? instance, object? state, PickleLimits limits, string file)
    {
        switch (instance)
        {
            case PyDict dict:
                dict.Attributes = state;
                return;
            case TorchTensor:
                return; // _rebuild_parameter_with_state's attributes: not needed to read coefficients
            case NumpyDtype dtype when state is PyTuple s && s.Count >= 2 && s[1] is string order && order.Length == 1:
                dtype.ByteOrder = order[0];
                return;
            case NumpyArrayValue array when state is PyTuple s && !array.Built:
                NumpyArrays.SetState(array, s, limits, file);
                return;
        }
        throw new SchemeFormatException($"{file}: BUILD on {PyValues.Describe(instance)} is not allowed");
    }

    private static PyDict DictFromPairs(PyList pairs, string file)
    {
        var dict = new PyDict();
        foreach (var p in pairs)
        {
            if (p is not PyTuple { Count: 2 } kv) throw new SchemeFormatException($"{file}: OrderedDict argument is not a list of pairs");
            dict.Set(kv[0], kv[1]);
        }
        return dict;
    }
}
