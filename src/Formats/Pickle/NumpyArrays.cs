using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>NumPy's pickle protocol for arrays and scalars, checked: declared shape against the bytes given.</summary>
public static class NumpyArrays
{
    /// <summary>ndarray.__setstate__: (version, shape, dtype, is_fortran, data) or the older 4-tuple without version.</summary>
    public static void SetState(NumpyArrayValue array, PyTuple state, PickleLimits limits, string file)
    {
        var s = state.Items;
        if (s.Length == 5) s = s[1..];
        if (s.Length != 4 || s[1] is not NumpyDtype dtype || s[2] is not bool fortran)
            throw new SchemeFormatException($"{file}: malformed NumPy array state");
        array.Shape = PyValues.Dims(s[0], file);
        array.Dtype = dtype;
        array.Fortran = fortran;
        array.Built = true;
        if (dtype.IsObject)
        {
            if (s[3] is not PyList items) throw new SchemeFormatException($"{file}: object array without a list of items");
            array.Items = items;
            if (items.Count != Count(array.Shape, limits, file))
                throw new SchemeFormatException($"{file}: object array of shape ({string.Join(", ", array.Shape)}) holds {items.Count} items");
            return;
        }
        array.Raw = s[3] switch
        {
            byte[] b => b,
            string latin1 => System.Text.Encoding.Latin1.GetBytes(latin1), // protocol-2 pickles of old NumPy
            _ => throw new SchemeFormatException($"{file}: NumPy array data is {PyValues.Describe(s[3])}, not bytes"),
        };
        Complete(array, limits, file);
    }

    /// <summary>Checks that a numeric array's bytes match its declared shape and dtype.</summary>
    public static NumpyArrayValue Complete(NumpyArrayValue array, PickleLimits limits, string file)
    {
        long count = Count(array.Shape, limits, file);
        int size = ItemSize(array.Dtype!, file);
        if (array.Raw!.Length != count * size)
            throw new SchemeFormatException($"{file}: NumPy array of shape ({string.Join(", ", array.Shape)}) and dtype {array.Dtype!.Descr} needs {count * size} bytes, has {array.Raw.Length}");
        return array;
    }

    /// <summary>The array as doubles (C order), through the NumPy element decoder.</summary>
    public static NpyArray ToNpy(NumpyArrayValue array, string file)
    {
        if (!array.Built || array.Dtype is null) throw new SchemeFormatException($"{file}: NumPy array without state");
        if (array.Items is not null) throw new SchemeFormatException($"{file}: nested object array where numbers were expected");
        return NpyDecoder.Decode(array.Raw, NpyDescr(array.Dtype), array.Fortran, array.Shape, file);
    }

    public static object Scalar(NumpyDtype dtype, byte[] bytes, string file)
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        var a = NpyDecoder.Decode(bytes, NpyDescr(dtype), false, [1], file);
        return a.Data[0];
    }

    private static string NpyDescr(NumpyDtype d)
    {
        // Pickled dtypes say 'f8'/'i4'/'b1'; byte order '|' (not applicable) or '=' (native) both read as little here.
        char order = d.ByteOrder == '>' ? '>' : '<';
        return d.Code == "?" ? "|b1" : $"{order}{d.Code}";
    }

    private static int ItemSize(NumpyDtype d, string file)
    {
        if (d.Code == "?" || d.Code == "b1") return 1;
        if (d.Code.Length >= 2 && int.TryParse(d.Code[1..], out int size) && size is 1 or 2 or 4 or 8) return size;
        throw new SchemeFormatException($"{file}: unsupported NumPy dtype '{PrintableText.Of(d.Code)}'");
    }

    private static long Count(int[] shape, PickleLimits limits, string file)
    {
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
            if (count > limits.MaxElements)
                throw new SchemeFormatException($"{file}: NumPy array of shape ({string.Join(", ", shape)}) is over the {limits.MaxElements}-element limit");
        }
        return count;
    }
}
