using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// Reads NumPy .npy files (format versions 1, 2 and 3) holding plain numeric arrays: signed and
/// unsigned integers, float16/32/64, bool; either byte order; C or Fortran order. Object arrays (a pickle
/// of NumPy arrays, as in AlphaTensor's rectangular factorizations) go through the restricted unpickler.
/// </summary>
public static partial class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

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
        // ParseHeader bounded the element count, so this is at most NpyDecoder.MaxElements x 8 bytes.
        long need = shape.Aggregate(1L, (n, d) => n * d) * NpyDecoder.Dtype(dtype, name).Size;
        return NpyDecoder.Decode(StreamBytes.UpTo(stream, (int)need), dtype, fortran, shape, name);
    }

    /// <summary>An object array: its pickle must rebuild to a NumPy object array of numeric NumPy arrays.</summary>
    private static NpyArray ReadObjects(byte[] pickle, int[] shape, string name)
    {
        var value = Pickle.Unpickler.Load(pickle, name);
        if (value is not Pickle.NumpyArrayValue { Items: { } items } array)
            throw new SchemeFormatException($"{name}: object array pickle holds {Pickle.PyValues.Describe(value)}, not a NumPy object array");
        if (!array.Shape.SequenceEqual(shape))
            throw new SchemeFormatException($"{name}: object array pickle has shape ({string.Join(", ", array.Shape)}), header says ({string.Join(", ", shape)})");
        var arrays = items.Select((item, i) => item is Pickle.NumpyArrayValue a
            ? Pickle.NumpyArrays.ToNpy(a, $"{name}[{i}]")
            : throw new SchemeFormatException($"{name}: object array item {i} is {Pickle.PyValues.Describe(item)}, not a NumPy array")).ToList();
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
            if (count > NpyDecoder.MaxElements)
                throw new SchemeFormatException($"{name}: array of more than {NpyDecoder.MaxElements} elements refused");
        }
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", parsed);
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
