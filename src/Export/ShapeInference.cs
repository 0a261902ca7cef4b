using Onnx;

namespace StrassenRepro.Export;

/// <summary>
/// Static shapes of every value of an exported graph, for the ops the export uses (Reshape with a constant
/// shape, Transpose, MatMul, Mul, Add). A symbolic dimension (the batch) is -1. Values of other ops, or
/// whose shape cannot be derived, are left out.
/// </summary>
public static class ShapeInference
{
    public const long Symbolic = -1;

    public static Dictionary<string, long[]> Infer(GraphProto graph)
    {
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var constants = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var input in graph.Input)
            shapes[input.Name] = [.. input.Shape().Select(d => d.HasDimValue && d.DimValue >= 0 ? d.DimValue : Symbolic)];
        foreach (var tensor in graph.Initializer)
        {
            shapes[tensor.Name] = [.. tensor.Dims];
            constants[tensor.Name] = tensor;
        }
        foreach (var node in graph.Node)
        {
            var inputs = node.Input.Select(i => shapes.GetValueOrDefault(i)).ToArray();
            if (inputs.Any(i => i is null) || node.Output.Count != 1) continue;
            long[]? result = node.OpType switch
            {
                "Reshape" when inputs.Length == 2 && constants.TryGetValue(node.Input[1], out var target) => Reshape(inputs[0]!, target),
                "Transpose" => Transpose(inputs[0]!, node.AttributeNamed("perm")?.Ints.ToArray()),
                "MatMul" when inputs.Length == 2 => MatMul(inputs[0]!, inputs[1]!),
                "Mul" or "Add" when inputs.Length == 2 => Broadcast(inputs[0]!, inputs[1]!),
                _ => null,
            };
            if (result is not null) shapes[node.Output[0]] = result;
        }
        return shapes;
    }

    private static long[]? Reshape(long[] input, TensorProto target)
    {
        if (target.DataType != OnnxMessages.Int64) return null;
        var shape = target.AsInt64s();
        var result = new long[shape.Length];
        int inferred = -1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0) { if (i >= input.Length) return null; result[i] = input[i]; }
            else if (shape[i] == -1) { if (inferred >= 0) return null; inferred = i; }
            else if (shape[i] > 0) result[i] = shape[i];
            else return null;
        }
        if (inferred >= 0)
        {
            // Only a fully static input lets -1 be resolved here.
            if (input.Any(d => d == Symbolic) || result.Where((_, i) => i != inferred).Any(d => d == Symbolic)) return null;
            long known = result.Where((_, i) => i != inferred).Aggregate(1L, (p, d) => p * d);
            long total = input.Aggregate(1L, (p, d) => p * d);
            if (known == 0 || total % known != 0) return null;
            result[inferred] = total / known;
        }
        else if (!SameCount(input, result)) return null;
        return result;
    }

    /// <summary>Element counts agree, matching symbolic dimensions one for one.</summary>
    private static bool SameCount(long[] a, long[] b) =>
        a.Count(d => d == Symbolic) == b.Count(d => d == Symbolic) &&
        a.Where(d => d != Symbolic).Aggregate(1L, (p, d) => p * d) == b.Where(d => d != Symbolic).Aggregate(1L, (p, d) => p * d);

    private static long[]? Transpose(long[] input, long[]? perm)
    {
        perm ??= Enumerable.Range(0, input.Length).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != input.Length || perm.Distinct().Count() != perm.Length || perm.Any(p => p < 0 || p >= input.Length)) return null;
        return perm.Select(p => input[p]).ToArray();
    }

    private static long[]? MatMul(long[] a, long[] b)
    {
        if (a.Length < 2 || b.Length < 2 || a[^1] != b[^2] || a[^1] == Symbolic) return null;
        var batch = Broadcast(a[..^2], b[..^2]);
        return batch is null ? null : [.. batch, a[^2], b[^1]];
    }

    private static long[]? Broadcast(long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long x = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            long y = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            if (x == y || y == 1) result[i] = x;
            else if (x == 1) result[i] = y;
            else return null;
        }
        return result;
    }
}
