using Google.Protobuf;

namespace StrassenRepro.Export.Proto;

/// <summary>onnx.AttributeProto, INT and INTS only (Transpose's perm is the one the export needs).</summary>
public sealed record OnnxAttribute(string Name, int Type, long[] Ints)
{
    public const int IntType = 2;
    public const int IntsType = 7;

    public static OnnxAttribute IntList(string name, params long[] values) => new(name, IntsType, values);

    internal byte[] ToBytes() => ProtoWire.Serialize(o =>
    {
        ProtoWire.WriteString(o, 1, Name);
        if (Type == IntType) ProtoWire.WriteInt64(o, 3, Ints[0]);
        else foreach (long v in Ints) ProtoWire.WriteInt64(o, 8, v);
        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteInt32(Type);
    });

    internal static OnnxAttribute Parse(ReadOnlySpan<byte> bytes)
    {
        string name = "";
        int type = 0;
        var ints = new List<long>();
        ProtoWire.Parse(bytes, (field, wire, input) =>
        {
            switch (field)
            {
                case 1: name = input.ReadString(); return true;
                case 3: ints.Add(input.ReadInt64()); return true;
                case 8: ProtoWire.ReadInt64s(input, wire, ints); return true;
                case 20: type = input.ReadInt32(); return true;
                default: return false;
            }
        });
        return new OnnxAttribute(name, type, ints.ToArray());
    }
}

/// <summary>onnx.NodeProto: one operator application (default domain only).</summary>
public sealed record OnnxNode(string Name, string OpType, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes, string Domain = "")
{
    public OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    internal byte[] ToBytes() => ProtoWire.Serialize(o =>
    {
        foreach (var input in Inputs)
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited);
            o.WriteString(input);
        }
        foreach (var output in Outputs)
        {
            o.WriteTag(2, WireFormat.WireType.LengthDelimited);
            o.WriteString(output);
        }
        ProtoWire.WriteString(o, 3, Name);
        ProtoWire.WriteString(o, 4, OpType);
        foreach (var attribute in Attributes) ProtoWire.WriteMessage(o, 5, attribute.ToBytes());
        ProtoWire.WriteString(o, 7, Domain);
    });

    internal static OnnxNode Parse(ReadOnlySpan<byte> bytes)
    {
        string name = "", op = "", domain = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        ProtoWire.Parse(bytes, (field, _, input) =>
        {
            switch (field)
            {
                case 1: inputs.Add(input.ReadString()); return true;
                case 2: outputs.Add(input.ReadString()); return true;
                case 3: name = input.ReadString(); return true;
                case 4: op = input.ReadString(); return true;
                case 5: attributes.Add(OnnxAttribute.Parse(input.ReadBytes().Span)); return true;
                case 7: domain = input.ReadString(); return true;
                default: return false;
            }
        });
        return new OnnxNode(name, op, inputs.ToArray(), outputs.ToArray(), attributes.ToArray(), domain);
    }
}
