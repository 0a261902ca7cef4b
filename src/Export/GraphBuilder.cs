using Onnx;

namespace StrassenRepro.Export;

/// <summary>Appends nodes and initializers with unique, readable names, in topological order.</summary>
internal sealed class GraphBuilder
{
    private readonly List<NodeProto> _nodes = [];
    private readonly List<TensorProto> _initializers = [];
    private readonly Dictionary<string, int> _used = [];
    private readonly Dictionary<string, string> _shapeConstants = [];

    public IReadOnlyList<NodeProto> Nodes => _nodes;
    public IReadOnlyList<TensorProto> Initializers => _initializers;

    public string Fresh(string stem)
    {
        _used.TryGetValue(stem, out int count);
        _used[stem] = count + 1;
        return count == 0 ? stem : $"{stem}_{count}";
    }

    public string Node(string op, string stem, string[] inputs, params AttributeProto[] attributes)
    {
        string output = Fresh(stem);
        _nodes.Add(new NodeProto
        {
            Name = $"{op}_{output}",
            OpType = op,
            Input = { inputs },
            Output = { output },
            Attribute = { attributes },
        });
        return output;
    }

    public string Initializer(TensorProto tensor)
    {
        _initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Reshape to a target shape; 0 keeps the input's dimension (the dynamic batch).</summary>
    public string Reshape(string input, string stem, params long[] shape)
    {
        string key = string.Join(",", shape);
        if (!_shapeConstants.TryGetValue(key, out var constant))
        {
            constant = Fresh("shape_" + string.Join("x", shape));
            Initializer(OnnxMessages.Int64s(constant, shape));
            _shapeConstants[key] = constant;
        }
        return Node("Reshape", stem, [input, constant]);
    }

    public string Transpose(string input, string stem, params long[] perm) =>
        Node("Transpose", stem, [input], OnnxMessages.Ints("perm", perm));
}
