using Google.Protobuf;

namespace StrassenRepro.Export.Proto;

/// <summary>
/// The few wire-format helpers the hand-written ONNX messages share. The messages are written by hand on
/// Google.Protobuf's CodedOutputStream / CodedInputStream (no protoc step): only the fields of onnx.proto
/// that an exported scheme needs are modelled; unknown fields are skipped when reading.
/// </summary>
internal static class ProtoWire
{
    public static byte[] Serialize(Action<CodedOutputStream> write)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        write(output);
        output.Flush();
        return memory.ToArray();
    }

    public static void WriteString(CodedOutputStream output, int field, string value)
    {
        if (value.Length == 0) return;
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    public static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    public static void WriteMessage(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    /// <summary>Calls onField(fieldNumber, wireType, input) for every field; the callback must consume the value or return false to skip it.</summary>
    public static void Parse(ReadOnlySpan<byte> bytes, Func<int, WireFormat.WireType, CodedInputStream, bool> onField)
    {
        var input = new CodedInputStream(bytes.ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            var wire = WireFormat.GetTagWireType(tag);
            if (!onField(field, wire, input)) input.SkipLastField();
        }
    }

    /// <summary>A repeated int64 field, accepted both packed and unpacked (proto2 writers differ).</summary>
    public static void ReadInt64s(CodedInputStream input, WireFormat.WireType wire, List<long> into)
    {
        if (wire != WireFormat.WireType.LengthDelimited)
        {
            into.Add(input.ReadInt64());
            return;
        }
        var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
        while (!packed.IsAtEnd) into.Add(packed.ReadInt64());
    }
}
