using Google.Protobuf;
using Onnx;
using StrassenRepro.Crystallization;
using StrassenRepro.Export;

namespace StrassenRepro.Tests.Export;

[Trait("Category", "Fast")]
public class ProductCountTests
{
    [Theory]
    [InlineData("strassen", 1, 7L)]
    [InlineData("strassen", 2, 49L)]
    [InlineData("strassen", 6, 117_649L)]
    [InlineData("winograd", 3, 343L)]
    [InlineData("alphatensor-3x3", 1, 27L)]
    [InlineData("alphatensor-3x3", 2, 729L)]
    public void The_graph_performs_R_to_the_k_scalar_products_between_input_dependent_values(string name, int levels, long expected)
    {
        var model = ModelProto.Parser.ParseFrom(OnnxExporter.Export(Schemes.Named(name), levels).ToByteArray());

        var count = ProductCount.Of(model);

        count.ScalarProducts.Should().Be(expected);
        count.ProductNodes.Should().Be(1, "the R^k products are one vectorised Mul");
        count.Complete.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ONNX_Runtime_computes_as_many_products_as_the_graph_count_says(int levels)
    {
        var scheme = KnownSchemes.Strassen();
        var model = OnnxExporter.Export(scheme, levels, exposeProducts: true).ToByteArray();
        int size = 1 << levels, batch = 3;
        var a = Enumerable.Range(0, batch * size * size).Select(i => (float)Math.Sin(i)).ToArray();
        var b = Enumerable.Range(0, batch * size * size).Select(i => (float)Math.Cos(i)).ToArray();

        var outputs = OnnxParity.RunOutputs(model, a, b, [batch, size, size], [batch, size, size], "C", OnnxExporter.ProductsOutput);

        outputs[1].Length.Should().Be(batch * (int)ProductCount.Of(ModelProto.Parser.ParseFrom(model)).ScalarProducts);
        outputs[1].Length.Should().Be(batch * (int)Math.Pow(7, levels));
    }

    [Fact]
    public void At_the_base_size_the_products_are_the_schemes_own_M_r()
    {
        var scheme = KnownSchemes.Strassen();
        var model = OnnxExporter.Export(scheme, 1, exposeProducts: true).ToByteArray();
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8];

        var products = OnnxParity.RunOutputs(model, a, b, [1, 2, 2], [1, 2, 2], OnnxExporter.ProductsOutput)[0];

        var expected = Enumerable.Range(0, 7).Select(r =>
        {
            double s = 0, t = 0;
            for (int x = 0; x < 4; x++) s += scheme.U(r, x) * a[x];
            for (int y = 0; y < 4; y++) t += scheme.V(r, y) * b[y];
            return (float)(s * t);
        });
        products.Should().Equal(expected);
    }

    [Fact]
    public void A_MatMul_of_A_and_B_is_reported_as_a_hidden_product()
    {
        var model = Naive2x2Graph();

        var count = ProductCount.Of(model);

        count.ScalarProducts.Should().Be(0);
        count.HiddenProducts.Should().ContainSingle().Which.Should().Contain("MatMul");
        count.Complete.Should().BeFalse();
    }

    [Fact]
    public void A_Mul_by_a_constant_is_not_a_product()
    {
        var graph = new GraphProto
        {
            Name = "g",
            Node = { new NodeProto { Name = "scale", OpType = "Mul", Input = { "A", "two" }, Output = { "C" } } },
            Initializer = { OnnxMessages.Floats("two", [1], [2.0]) },
            Input = { Square("A") },
            Output = { Square("C") },
        };

        ProductCount.Of(Model(graph)).ScalarProducts.Should().Be(0);
    }

    internal static ModelProto Naive2x2Graph() => Model(new GraphProto
    {
        Name = "naive",
        Node = { new NodeProto { Name = "product", OpType = "MatMul", Input = { "A", "B" }, Output = { "C" } } },
        Input = { Square("A"), Square("B") },
        Output = { Square("C") },
    });

    private static ValueInfoProto Square(string name) => OnnxMessages.BatchedFloats(name, 2, 2);

    private static ModelProto Model(GraphProto graph) => new()
    {
        IrVersion = 8,
        OpsetImport = { new OperatorSetIdProto { Version = 17 } },
        ProducerName = "t",
        ProducerVersion = "0",
        Graph = graph,
    };
}
