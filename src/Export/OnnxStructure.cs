using Onnx;

namespace StrassenRepro.Export;

/// <summary>
/// Structural validity of a model file, independent of any runtime: IR version and the default opset
/// declared, names unique, every node input defined (graph input, initializer or an earlier node's output),
/// every graph output produced.
/// </summary>
public static class OnnxStructure
{
    /// <summary>The problems found, one line each; empty when the model is structurally valid.</summary>
    public static IReadOnlyList<string> Problems(ModelProto model)
    {
        var problems = new List<string>();
        if (model.IrVersion <= 0) problems.Add("no IR version");
        var defaultOpsets = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").ToList();
        if (defaultOpsets.Count != 1 || defaultOpsets[0].Version < 1)
            problems.Add($"the default opset must be declared once with a version (found {defaultOpsets.Count})");

        var graph = model.Graph ?? new GraphProto();
        if (graph.Input.Count == 0) problems.Add("graph has no inputs");
        if (graph.Output.Count == 0) problems.Add("graph has no outputs");
        var defined = new HashSet<string>(StringComparer.Ordinal);
        void Define(string name, string what)
        {
            if (name.Length == 0) problems.Add($"{what} has an empty name");
            else if (!defined.Add(name)) problems.Add($"'{name}' is defined twice ({what})");
        }
        foreach (var input in graph.Input) Define(input.Name, "graph input");
        foreach (var tensor in graph.Initializer) Define(tensor.Name, "initializer");

        var nodeNames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            string label = $"node {i} ({node.OpType} '{node.Name}')";
            if (node.OpType.Length == 0) problems.Add($"node {i} has no op_type");
            if (node.Domain is not ("" or "ai.onnx")) problems.Add($"{label} is in domain '{node.Domain}', which is not declared");
            if (node.Name.Length > 0 && !nodeNames.Add(node.Name)) problems.Add($"{label}: node name used twice");
            foreach (var input in node.Input)
                if (input.Length > 0 && !defined.Contains(input))
                    problems.Add($"{label}: input '{input}' is not defined before it is used");
            if (node.Output.Count == 0) problems.Add($"{label} has no outputs");
            foreach (var output in node.Output) Define(output, $"output of {label}");
        }
        foreach (var output in graph.Output)
            if (!defined.Contains(output.Name)) problems.Add($"graph output '{output.Name}' is never produced");
        return problems;
    }
}
