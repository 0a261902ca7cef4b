using Google.Protobuf;

namespace StrassenRepro.Export.Proto;

/// <summary>One dimension of a tensor type: a fixed size, or a named symbolic one such as "batch".</summary>
public readonly record struct OnnxDim(long Value, string? Param)
{
    public static OnnxDim Fixed(long value) => new(value, null);
    public static OnnxDim Symbolic(string name) => new(0, name);
    public override string ToString() => Param ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>onnx.ValueInfoProto with a tensor TypeProto: name, element type, shape.</summary>
public sealed record OnnxValueInfo(string Name, int ElemType, OnnxDim[] Shape)
{
    internal byte[] ToBytes() => ProtoWire.Serialize(o =>
    {
        ProtoWire.WriteString(o, 1, Name);
        var shape = ProtoWire.Serialize(s =>
        {
            foreach (var dim in Shape)
                ProtoWire.WriteMessage(s, 1, ProtoWire.Serialize(d =>
                {
                    if (dim.Param is null) ProtoWire.WriteInt64(d, 1, dim.Value);
                    else ProtoWire.WriteString(d, 2, dim.Param);
                }));
        });
        var tensorType = ProtoWire.Serialize(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt32(ElemType);
            ProtoWire.WriteMessage(t, 2, shape);
        });
        ProtoWire.WriteMessage(o, 2, ProtoWire.Serialize(t => ProtoWire.WriteMessage(t, 1, tensorType)));
    });

    internal static OnnxValueInfo Parse(ReadOnlySpan<byte> bytes)
    {
        string name = "";
        int elemType = 0;
        var dims = new List<OnnxDim>();
        ProtoWire.Parse(bytes, (field, _, input) =>
        {
            if (field == 1) { name = input.ReadString(); return true; }
            if (field != 2) return false;
            ProtoWire.Parse(input.ReadBytes().Span, (typeField, _, typeInput) =>
            {
                if (typeField != 1) return false; // only tensor types
                ProtoWire.Parse(typeInput.ReadBytes().Span, (tensorField, _, tensorInput) =>
                {
                    if (tensorField == 1) { elemType = tensorInput.ReadInt32(); return true; }
                    if (tensorField != 2) return false;
                    ProtoWire.Parse(tensorInput.ReadBytes().Span, (shapeField, _, shapeInput) =>
                    {
                        if (shapeField != 1) return false;
                        var dim = OnnxDim.Fixed(-1); // unknown until a field says otherwise
                        ProtoWire.Parse(shapeInput.ReadBytes().Span, (dimField, _, dimInput) =>
                        {
                            if (dimField == 1) { dim = OnnxDim.Fixed(dimInput.ReadInt64()); return true; }
                            if (dimField == 2) { dim = OnnxDim.Symbolic(dimInput.ReadString()); return true; }
                            return false;
                        });
                        dims.Add(dim);
                        return true;
                    });
                    return true;
                });
                return true;
            });
            return true;
        });
        return new OnnxValueInfo(name, elemType, dims.ToArray());
    }
}
