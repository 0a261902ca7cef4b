using Onnx;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Export;

/// <summary>
/// Builds the ONNX graph of a scheme applied recursively k levels deep: A [batch, n^k, m^k] and
/// B [batch, m^k, p^k] in, C [batch, n^k, p^k] out. The recursion is vectorised: going down, each level
/// splits every pending sub-problem into n x m (m x p) blocks and forms the R combinations
/// sum_x U[r,x] A_x with a MatMul by the constant U, stacking them on a sub-problem axis (R^l after l
/// levels). At the bottom one Mul multiplies the R^k pairs of scalars; going up, each level combines R
/// sub-products with the constant W and puts the n x p blocks back in place. So the graph has one Mul
/// between input-dependent tensors, performing exactly R^k scalar products per output matrix
/// (ProductCount counts them from the graph's shapes).
/// </summary>
public static class OnnxExporter
{
    public const int Opset = 17;

    /// <summary>IR version 8 is the one that goes with opset 17.</summary>
    public const long IrVersion = 8;

    public const string Producer = "strassen-repro";

    /// <summary>The name of the optional extra output holding the R^k products (ExposeProducts).</summary>
    public const string ProductsOutput = "products";

    /// <param name="levels">k >= 1: the exported size is n^k x m^k times m^k x p^k.</param>
    /// <param name="exposeProducts">Also output the scalar products [batch, R^k] (used by tests to see them in ONNX Runtime).</param>
    public static ModelProto Export(Scheme scheme, int levels, string docString = "", bool exposeProducts = false)
    {
        if (levels < 1) throw new ArgumentOutOfRangeException(nameof(levels), "at least one level");
        var s = scheme.Shape;
        int rank = scheme.Rank;
        long rows = Pow(s.N, levels), inner = Pow(s.M, levels), cols = Pow(s.P, levels);
        long products = Pow(rank, levels);

        var g = new GraphBuilder();
        string u = g.Initializer(OnnxMessages.Floats("U", [rank, s.ASize], scheme.UFlat));
        string v = g.Initializer(OnnxMessages.Floats("V", [rank, s.BSize], scheme.VFlat));
        string w = g.Initializer(OnnxMessages.Floats("W", [s.CSize, rank], scheme.WFlat));

        string a = Down(g, "A", u, s.N, s.M, rank, levels);
        string b = Down(g, "B", v, s.M, s.P, rank, levels);
        string m = g.Node("Mul", "scalar_products", [a, b]);
        string c = Up(g, m, w, s.N, s.P, rank, levels);

        // The last Up reshape writes C; rename its output so the graph's output is called C.
        g.Nodes[^1].Output[0] = "C";
        var graph = new GraphProto
        {
            Name = $"scheme_{s.N}x{s.M}x{s.P}_rank{rank}_size{rows}",
            Node = { g.Nodes },
            Input = { OnnxMessages.BatchedFloats("A", rows, inner), OnnxMessages.BatchedFloats("B", inner, cols) },
            Output = { OnnxMessages.BatchedFloats("C", rows, cols) },
        };
        if (exposeProducts)
        {
            string shape = g.Initializer(OnnxMessages.Int64s("shape_products_out", [0, products]));
            graph.Node.Add(new NodeProto
            {
                Name = "Reshape_products_out",
                OpType = "Reshape",
                Input = { m, shape },
                Output = { ProductsOutput },
            });
            graph.Output.Add(OnnxMessages.BatchedFloats(ProductsOutput, products));
        }
        graph.Initializer.Add(g.Initializers);
        return new ModelProto
        {
            IrVersion = IrVersion,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = Opset } },
            ProducerName = Producer,
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = graph,
        };
    }

    /// <summary>[batch, r^k, c^k] -> [batch, R^k, 1, 1]: the left (or right) factors of every scalar product.</summary>
    private static string Down(GraphBuilder g, string input, string coefficients, int r, int c, int rank, int levels)
    {
        string name = input.ToLowerInvariant();
        long rowsL = Pow(r, levels), colsL = Pow(c, levels), subproblems = 1;
        string x = g.Reshape(input, $"{name}_l0", 0, 1, rowsL, colsL);
        for (int l = 0; l < levels; l++)
        {
            long h = rowsL / r, wd = colsL / c;
            // [batch, S, r, h, c, w] -> [batch, S, r, c, h, w]: block (i, j) at index i*c + j, as in the scheme.
            x = g.Reshape(x, $"{name}_l{l}_split", 0, subproblems, r, h, c, wd);
            x = g.Transpose(x, $"{name}_l{l}_blocks", 0, 1, 2, 4, 3, 5);
            x = g.Reshape(x, $"{name}_l{l}_flat", 0, subproblems, r * c, h * wd);
            x = g.Node("MatMul", $"{name}_l{l}_combined", [coefficients, x]);
            subproblems *= rank;
            x = g.Reshape(x, $"{name}_l{l + 1}", 0, subproblems, h, wd);
            (rowsL, colsL) = (h, wd);
        }
        return x;
    }

    /// <summary>[batch, R^k, 1, 1] -> [batch, n^k, p^k]: C blocks from sub-products, level by level.</summary>
    private static string Up(GraphBuilder g, string products, string w, int r, int c, int rank, int levels)
    {
        string x = products;
        long subproblems = Pow(rank, levels), h = 1, wd = 1;
        for (int l = levels - 1; l >= 0; l--)
        {
            subproblems /= rank;
            x = g.Reshape(x, $"c_l{l}_slots", 0, subproblems, rank, h * wd);
            x = g.Node("MatMul", $"c_l{l}_combined", [w, x]);
            x = g.Reshape(x, $"c_l{l}_split", 0, subproblems, r, c, h, wd);
            x = g.Transpose(x, $"c_l{l}_blocks", 0, 1, 2, 4, 3, 5);
            (h, wd) = (h * r, wd * c);
            x = g.Reshape(x, $"c_l{l}", 0, subproblems, h, wd);
        }
        return g.Reshape(x, "c", 0, h, wd);
    }

    internal static long Pow(long b, int e)
    {
        long r = 1;
        for (int i = 0; i < e; i++) r = checked(r * b);
        return r;
    }
}
