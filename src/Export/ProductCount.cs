using Onnx;

namespace StrassenRepro.Export;

/// <summary>
/// How many scalar products between input-dependent values the graph performs per output matrix.
/// A value is input-dependent when it is a graph input or computed from one. A Mul of two such values
/// contributes one product per element of its output, not counting the symbolic batch dimension; a
/// MatMul or Add with a constant is a linear combination and contributes none. Any other node that
/// takes two input-dependent values and is not an Add/Sub/Concat is reported as a hidden product,
/// so a naive MatMul of A and B cannot pass as a scheme.
/// </summary>
public sealed record ProductCount(long ScalarProducts, int ProductNodes, IReadOnlyList<string> HiddenProducts, IReadOnlyList<string> Unknown)
{
    private static readonly HashSet<string> Linear = ["Add", "Sub", "Sum", "Concat"];

    public static ProductCount Of(ModelProto model)
    {
        var graph = model.Graph ?? new GraphProto();
        var shapes = ShapeInference.Infer(graph);
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var dependent = graph.Input.Select(i => i.Name).Where(n => !initializers.Contains(n)).ToHashSet(StringComparer.Ordinal);
        long products = 0;
        int productNodes = 0;
        var hidden = new List<string>();
        var unknown = new List<string>();
        foreach (var node in graph.Node)
        {
            int dependentInputs = node.Input.Count(dependent.Contains);
            if (dependentInputs == 0) continue;
            foreach (var output in node.Output) dependent.Add(output);
            if (dependentInputs < 2 || Linear.Contains(node.OpType)) continue;
            if (node.OpType != "Mul")
            {
                hidden.Add($"{node.OpType} '{node.Name}'");
                continue;
            }
            productNodes++;
            if (!shapes.TryGetValue(node.Output[0], out var shape) || shape.Length == 0 || shape[0] != ShapeInference.Symbolic || shape[1..].Any(d => d < 0))
            {
                unknown.Add($"Mul '{node.Name}'");
                continue;
            }
            products += shape[1..].Aggregate(1L, (p, d) => p * d);
        }
        return new ProductCount(products, productNodes, hidden, unknown);
    }

    /// <summary>The count is trustworthy: no hidden product and every product node's shape is known.</summary>
    public bool Complete => HiddenProducts.Count == 0 && Unknown.Count == 0;
}
