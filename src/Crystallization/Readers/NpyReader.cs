using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace StrassenRepro.Crystallization.Readers;

/// <summary>
/// Reads NumPy .npy files (format versions 1, 2 and 3) holding plain numeric arrays: signed and
/// unsigned integers, float16/32/64, bool; either byte order; C or Fortran order. Object arrays (a pickle
/// of NumPy arrays, as in AlphaTensor's rectangular factorizations) go through the restricted unpickler.
/// </summary>
public static partial class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Largest array accepted, in elements (a scheme has far fewer).</summary>
    public const long MaxElements = 16L * 1024 * 1024;

    public static NpyArray Read(byte[] bytes, string name = "array")
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        return Read(new MemoryStream(bytes, writable: false), name);
    }

    /// <summary>
    /// Reads from the stream's position: the magic and header first, then only the data bytes the header
    /// asks for, so a file of the wrong kind is refused after ten bytes, whatever its size.
    /// </summary>
    public static NpyArray Read(Stream stream, string name = "array")
    {
        var preamble = StreamBytes.UpTo(stream, 10);
        if (preamble.Length < 10 || !preamble.AsSpan(0, 6).SequenceEqual(Magic))
            throw new SchemeFormatException($"{name}: not a NumPy .npy array (bad magic)");
        int major = preamble[6];
        int headerLength;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(8, 2));
                break;
            case 2:
            case 3:
                var rest = StreamBytes.UpTo(stream, 2);
                if (rest.Length < 2) throw new SchemeFormatException($"{name}: truncated .npy header");
                uint len = BinaryPrimitives.ReadUInt32LittleEndian([preamble[8], preamble[9], rest[0], rest[1]]);
                if (len > 1 << 20) throw new SchemeFormatException($"{name}: .npy header of {len} bytes is too large");
                headerLength = (int)len;
                break;
            default:
                throw new SchemeFormatException($"{name}: unsupported .npy format version {major}");
        }
        var headerBytes = StreamBytes.UpTo(stream, headerLength);
        if (headerBytes.Length < headerLength)
            throw new SchemeFormatException($"{name}: truncated .npy header");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dtype, fortran, shape) = ParseHeader(header, name);
        if (dtype.Length >= 2 && dtype[1] == 'O') return ReadObjects(StreamBytes.Rest(stream), shape, name);
        // ParseHeader bounded the element count, so this is at most MaxElements x 8 bytes.
        long need = shape.Aggregate(1L, (n, d) => n * d) * Dtype(dtype, name).Size;
        return Decode(StreamBytes.UpTo(stream, (int)need), dtype, fortran, shape, name);
    }

    /// <summary>An object array: its pickle must rebuild to a NumPy object array of numeric NumPy arrays.</summary>
    private static NpyArray ReadObjects(byte[] pickle, int[] shape, string name)
    {
        var value = Pickle.Unpickler.Load(pickle, name);
        if (value is not Pickle.NumpyArrayValue { Items: { } items } array)
            throw new SchemeFormatException($"{name}: object array pickle holds {Pickle.PickleGlobals.Describe(value)}, not a NumPy object array");
        if (!array.Shape.SequenceEqual(shape))
            throw new SchemeFormatException($"{name}: object array pickle has shape ({string.Join(", ", array.Shape)}), header says ({string.Join(", ", shape)})");
        var arrays = items.Select((item, i) => item is Pickle.NumpyArrayValue a
            ? Pickle.NumpyArrays.ToNpy(a, $"{name}[{i}]")
            : throw new SchemeFormatException($"{name}: object array item {i} is {Pickle.PickleGlobals.Describe(item)}, not a NumPy array")).ToList();
        return new NpyArray(shape, [], "|O", arrays);
    }

    private static (string Dtype, bool Fortran, int[] Shape) ParseHeader(string header, string name)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new SchemeFormatException($"{name}: malformed .npy header");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new int[dims.Length];
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (!int.TryParse(dims[i].TrimEnd('L'), out parsed[i]) || parsed[i] < 0)
                throw new SchemeFormatException($"{name}: malformed .npy shape ({shape.Groups[1].Value})");
            count *= parsed[i];
            if (count > MaxElements) throw new SchemeFormatException($"{name}: array of more than {MaxElements} elements refused");
        }
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", parsed);
    }

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
    private static (string Kind, bool BigEndian, int Size) Dtype(string dtype, string name)
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
            _ => throw new SchemeFormatException($"{name}: unsupported byte order '{Pickle.AllowList.Printable(order.ToString())}' in dtype '{Pickle.AllowList.Printable(dtype)}'"),
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
        "i8" => ExactInteger.ToDouble(big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b), name),
        "u8" => ExactInteger.ToDouble(big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b), name),
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

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
