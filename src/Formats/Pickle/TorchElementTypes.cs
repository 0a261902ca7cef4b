using System.Buffers.Binary;

namespace StrassenRepro.Formats.Pickle;

/// <summary>What each torch element type needs for reading: its size in bytes, and its bytes as a double.</summary>
public static class TorchElementTypes
{
    public static int Size(this TorchElementType t) => t switch
    {
        TorchElementType.Float64 or TorchElementType.Int64 => 8,
        TorchElementType.Float32 or TorchElementType.Int32 => 4,
        TorchElementType.Float16 or TorchElementType.BFloat16 or TorchElementType.Int16 => 2,
        _ => 1,
    };

    public static bool IsFloat(this TorchElementType t) => t is TorchElementType.Float32 or TorchElementType.Float64
        or TorchElementType.Float16 or TorchElementType.BFloat16;

    /// <summary>
    /// Element i of a raw storage, as a double (int64 beyond 2^53 is refused: it would not check exactly).
    /// </summary>
    /// <param name="file">The file the storage came from, which names any refusal.</param>
    public static double Read(this TorchElementType t, ReadOnlySpan<byte> storage, long i, bool bigEndian, string file)
    {
        var b = storage.Slice(checked((int)(i * t.Size())), t.Size());
        switch (t)
        {
            case TorchElementType.Float32:
                return bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b);
            case TorchElementType.Float64:
                return bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);
            case TorchElementType.Float16:
                return (double)(bigEndian
                    ? BinaryPrimitives.ReadHalfBigEndian(b)
                    : BinaryPrimitives.ReadHalfLittleEndian(b));
            case TorchElementType.BFloat16:
                // bfloat16 is the upper half of a float32.
                ushort bits = bigEndian
                    ? BinaryPrimitives.ReadUInt16BigEndian(b)
                    : BinaryPrimitives.ReadUInt16LittleEndian(b);
                return BitConverter.Int32BitsToSingle(bits << 16);
            case TorchElementType.Int64:
                return ExactInteger.ToDouble(bigEndian
                    ? BinaryPrimitives.ReadInt64BigEndian(b)
                    : BinaryPrimitives.ReadInt64LittleEndian(b), file);
            case TorchElementType.Int32:
                return bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
            case TorchElementType.Int16:
                return bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b);
            case TorchElementType.Int8:
                return (sbyte)b[0];
            case TorchElementType.Bool:
                return b[0] != 0 ? 1 : 0;
            default:
                return b[0];
        }
    }
}
