namespace StrassenRepro.Export.Proto;

/// <summary>onnx.OperatorSetIdProto: an operator set and its version ("" is the default ai.onnx domain).</summary>
public sealed record OnnxOpset(string Domain, long Version);

/// <summary>onnx.GraphProto: nodes in topological order, initializers, inputs, outputs.</summary>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs)
{
    internal byte[] ToBytes() => ProtoWire.Serialize(o =>
    {
        foreach (var node in Nodes) ProtoWire.WriteMessage(o, 1, node.ToBytes());
        ProtoWire.WriteString(o, 2, Name);
        foreach (var tensor in Initializers) ProtoWire.WriteMessage(o, 5, tensor.ToBytes());
        foreach (var input in Inputs) ProtoWire.WriteMessage(o, 11, input.ToBytes());
        foreach (var output in Outputs) ProtoWire.WriteMessage(o, 12, output.ToBytes());
    });

    internal static OnnxGraph Parse(ReadOnlySpan<byte> bytes)
    {
        string name = "";
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxTensor>();
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        ProtoWire.Parse(bytes, (field, _, input) =>
        {
            switch (field)
            {
                case 1: nodes.Add(OnnxNode.Parse(input.ReadBytes().Span)); return true;
                case 2: name = input.ReadString(); return true;
                case 5: initializers.Add(OnnxTensor.Parse(input.ReadBytes().Span)); return true;
                case 11: inputs.Add(OnnxValueInfo.Parse(input.ReadBytes().Span)); return true;
                case 12: outputs.Add(OnnxValueInfo.Parse(input.ReadBytes().Span)); return true;
                default: return false;
            }
        });
        return new OnnxGraph(name, nodes, initializers, inputs, outputs);
    }
}

/// <summary>onnx.ModelProto: IR version, operator sets, producer, documentation and the graph.</summary>
public sealed record OnnxModel(long IrVersion, IReadOnlyList<OnnxOpset> Opsets, string ProducerName, string ProducerVersion, string DocString, OnnxGraph Graph)
{
    public byte[] ToByteArray() => ProtoWire.Serialize(o =>
    {
        ProtoWire.WriteInt64(o, 1, IrVersion);
        ProtoWire.WriteString(o, 2, ProducerName);
        ProtoWire.WriteString(o, 3, ProducerVersion);
        ProtoWire.WriteString(o, 6, DocString);
        ProtoWire.WriteMessage(o, 7, Graph.ToBytes());
        foreach (var opset in Opsets)
            ProtoWire.WriteMessage(o, 8, ProtoWire.Serialize(s =>
            {
                ProtoWire.WriteString(s, 1, opset.Domain);
                ProtoWire.WriteInt64(s, 2, opset.Version);
            }));
    });

    /// <summary>Reads a model file; throws InvalidProtocolBufferException for bytes that are not protobuf.</summary>
    public static OnnxModel Parse(ReadOnlySpan<byte> bytes)
    {
        long ir = 0;
        string producer = "", version = "", doc = "";
        OnnxGraph? graph = null;
        var opsets = new List<OnnxOpset>();
        ProtoWire.Parse(bytes, (field, _, input) =>
        {
            switch (field)
            {
                case 1: ir = input.ReadInt64(); return true;
                case 2: producer = input.ReadString(); return true;
                case 3: version = input.ReadString(); return true;
                case 6: doc = input.ReadString(); return true;
                case 7: graph = OnnxGraph.Parse(input.ReadBytes().Span); return true;
                case 8:
                    string domain = "";
                    long opsetVersion = 0;
                    ProtoWire.Parse(input.ReadBytes().Span, (f, _, s) =>
                    {
                        if (f == 1) { domain = s.ReadString(); return true; }
                        if (f == 2) { opsetVersion = s.ReadInt64(); return true; }
                        return false;
                    });
                    opsets.Add(new OnnxOpset(domain, opsetVersion));
                    return true;
                default: return false;
            }
        });
        return new OnnxModel(ir, opsets, producer, version, doc, graph ?? new OnnxGraph("", [], [], [], []));
    }
}
