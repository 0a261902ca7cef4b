using System.Buffers.Binary;
using Google.Protobuf;

namespace StrassenRepro.Export.Proto;

/// <summary>onnx.TensorProto: an initializer (name, element type, dims, little-endian raw_data).</summary>
public sealed record OnnxTensor(string Name, int DataType, long[] Dims, byte[] RawData)
{
    public const int Float = 1;
    public const int Int64 = 7;

    public static OnnxTensor Floats(string name, long[] dims, IReadOnlyList<float> values)
    {
        var raw = new byte[values.Count * 4];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        return new OnnxTensor(name, Float, dims, raw);
    }

    public static OnnxTensor Int64s(string name, IReadOnlyList<long> values)
    {
        var raw = new byte[values.Count * 8];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        return new OnnxTensor(name, Int64, [values.Count], raw);
    }

    public long[] AsInt64s()
    {
        if (DataType != Int64) throw new InvalidOperationException($"{Name} is not an int64 tensor");
        var values = new long[RawData.Length / 8];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt64LittleEndian(RawData.AsSpan(i * 8));
        return values;
    }

    public float[] AsFloats()
    {
        if (DataType != Float) throw new InvalidOperationException($"{Name} is not a float tensor");
        var values = new float[RawData.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(RawData.AsSpan(i * 4));
        return values;
    }

    internal byte[] ToBytes() => ProtoWire.Serialize(o =>
    {
        foreach (long d in Dims) ProtoWire.WriteInt64(o, 1, d);
        o.WriteTag(2, WireFormat.WireType.Varint);
        o.WriteInt32(DataType);
        ProtoWire.WriteString(o, 8, Name);
        o.WriteTag(9, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(RawData));
    });

    internal static OnnxTensor Parse(ReadOnlySpan<byte> bytes)
    {
        string name = "";
        int type = 0;
        var dims = new List<long>();
        byte[] raw = [];
        var floats = new List<byte>();
        var int64s = new List<long>();
        ProtoWire.Parse(bytes, (field, wire, input) =>
        {
            switch (field)
            {
                case 1: ProtoWire.ReadInt64s(input, wire, dims); return true;
                case 2: type = input.ReadInt32(); return true;
                case 4 when wire == WireFormat.WireType.LengthDelimited: floats.AddRange(input.ReadBytes().ToByteArray()); return true;
                case 4: floats.AddRange(BitConverter.GetBytes(input.ReadFloat())); return true;
                case 7: ProtoWire.ReadInt64s(input, wire, int64s); return true;
                case 8: name = input.ReadString(); return true;
                case 9: raw = input.ReadBytes().ToByteArray(); return true;
                default: return false;
            }
        });
        // Typed fields are the other way to carry data; normalise them to raw little-endian bytes.
        if (raw.Length == 0 && floats.Count > 0) raw = floats.ToArray();
        if (raw.Length == 0 && int64s.Count > 0) raw = int64s.SelectMany(BitConverter.GetBytes).ToArray();
        return new OnnxTensor(name, type, dims.ToArray(), raw);
    }
}
