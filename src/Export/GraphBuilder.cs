using StrassenRepro.Export.Proto;

namespace StrassenRepro.Export;

/// <summary>Appends nodes and initializers with unique, readable names, in topological order.</summary>
internal sealed class GraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly Dictionary<string, int> _used = [];
    private readonly Dictionary<string, string> _shapeConstants = [];

    public IReadOnlyList<OnnxNode> Nodes => _nodes;
    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    public string Fresh(string stem)
    {
        _used.TryGetValue(stem, out int count);
        _used[stem] = count + 1;
        return count == 0 ? stem : $"{stem}_{count}";
    }

    public string Node(string op, string stem, string[] inputs, params OnnxAttribute[] attributes)
    {
        string output = Fresh(stem);
        _nodes.Add(new OnnxNode($"{op}_{output}", op, inputs, [output], attributes));
        return output;
    }

    public string Initializer(OnnxTensor tensor)
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
            Initializer(OnnxTensor.Int64s(constant, shape));
            _shapeConstants[key] = constant;
        }
        return Node("Reshape", stem, [input, constant]);
    }

    public string Transpose(string input, string stem, params long[] perm) =>
        Node("Transpose", stem, [input], OnnxAttribute.IntList("perm", perm));
}
