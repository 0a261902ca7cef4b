using System.Buffers.Binary;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// NumPy's numeric element encodings (bool, int8..int64, uint8..uint64, float16/32/64, either byte order) decoded
/// into doubles in C order. A type of its own because two readers need it: the .npy reader for an array's data and
/// the unpickler for the arrays and scalars a pickle rebuilds; neither has to depend on the other for it.
/// </summary>
public static class NpyDecoder
{
    /// <summary>Largest array accepted, in elements (a scheme has far fewer).</summary>
    public const long MaxElements = 16L * 1024 * 1024;

    /// <summary>Numeric array data in the given .npy dtype (e.g. "&lt;f8") as doubles, C order.</summary>
    public static NpyArray Decode(ReadOnlySpan<byte> data, string dtype, bool fortran, int[] shape, string name)
    {
        var (kind, bigEndian, size) = Dtype(dtype, name);
        long count = 1;
        foreach (var d in shape)
            if ((count *= d) > MaxElements)
                throw new SchemeFormatException($"{name}: array of more than {MaxElements} elements refused");
        if (data.Length < count * size)
            throw new SchemeFormatException($"{name}: truncated .npy data ({data.Length} bytes, need {count * size})");
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = Element(data.Slice(i * size, size), kind, bigEndian, name);
        // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
        if (fortran && shape.Length > 1) values = FortranToC(values, shape);
        return new NpyArray(shape, values, dtype);
    }

    /// <summary>A numeric dtype such as "&lt;f8": its kind ("f8"), byte order and element size; else refused.</summary>
    internal static (string Kind, bool BigEndian, int Size) Dtype(string dtype, string name)
    {
        if (dtype.Length < 2) throw new SchemeFormatException($"{name}: unsupported dtype '{dtype}'");
        char order = dtype[0];
        string kind = dtype[1..];
        if (kind.StartsWith('O'))
            throw new SchemeFormatException($"{name}: object array where a numeric array was expected");
        bool bigEndian = order switch
        {
            '<' or '|' => false,
            '>' => true,
            '=' => !BitConverter.IsLittleEndian,
            _ => throw new SchemeFormatException($"{name}: unsupported byte order " +
                $"'{PrintableText.Of(order.ToString())}' in dtype '{PrintableText.Of(dtype)}'"),
        };
        int size = kind switch
        {
            "b1" or "i1" or "u1" => 1,
            "i2" or "u2" or "f2" => 2,
            "i4" or "u4" or "f4" => 4,
            "i8" or "u8" or "f8" => 8,
            _ => throw new SchemeFormatException($"{name}: unsupported dtype '{dtype}' (numeric arrays only)"),
        };
        return (kind, bigEndian, size);
    }

    private static double Element(ReadOnlySpan<byte> b, string kind, bool big, string name) => kind switch
    {
        "b1" or "u1" => b[0],
        "i1" => (sbyte)b[0],
        "i2" => big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
        "u2" => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
        "i4" => big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
        "u4" => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
        "i8" => ExactInteger.ToDouble(
            big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b), name),
        "u8" => ExactInteger.ToDouble(
            big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b), name),
        "f2" => (double)(big ? BinaryPrimitives.ReadHalfBigEndian(b) : BinaryPrimitives.ReadHalfLittleEndian(b)),
        "f4" => big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
        _ => big ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
    };

    private static double[] FortranToC(double[] values, int[] shape)
    {
        var result = new double[values.Length];
        int d = shape.Length;
        var index = new int[d];
        for (int f = 0; f < values.Length; f++)
        {
            // f enumerates indices with the first axis fastest; compute the C offset of the same index.
            int c = 0;
            for (int a = 0; a < d; a++) c = c * shape[a] + index[a];
            result[c] = values[f];
            for (int a = 0; a < d; a++)
            {
                if (++index[a] < shape[a]) break;
                index[a] = 0;
            }
        }
        return result;
    }
}
