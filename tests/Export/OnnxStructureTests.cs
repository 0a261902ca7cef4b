using StrassenRepro.Crystallization;
using StrassenRepro.Export;
using StrassenRepro.Export.Proto;

namespace StrassenRepro.Tests.Export;

[Trait("Category", "Fast")]
public class OnnxStructureTests
{
    private static OnnxModel Exported(int levels = 2) => OnnxModel.Parse(OnnxExporter.Export(KnownSchemes.Strassen(), levels).ToByteArray());

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void An_exported_file_is_structurally_valid(int levels) =>
        OnnxStructure.Problems(Exported(levels)).Should().BeEmpty();

    [Fact]
    public void The_graph_with_its_products_exposed_is_structurally_valid_too() =>
        OnnxStructure.Problems(OnnxModel.Parse(OnnxExporter.Export(KnownSchemes.Strassen(), 2, exposeProducts: true).ToByteArray())).Should().BeEmpty();

    [Fact]
    public void The_file_declares_opset_17_and_the_dynamic_batch_inputs_A_B_and_output_C()
    {
        var model = Exported(2);

        model.IrVersion.Should().Be(OnnxExporter.IrVersion);
        model.Opsets.Should().ContainSingle().Which.Should().Be(new OnnxOpset("", 17));
        model.Graph.Inputs.Select(i => $"{i.Name}[{string.Join(",", i.Shape)}]").Should().Equal("A[batch,4,4]", "B[batch,4,4]");
        model.Graph.Outputs.Select(o => $"{o.Name}[{string.Join(",", o.Shape)}]").Should().Equal("C[batch,4,4]");
    }

    [Fact]
    public void The_coefficients_are_stored_as_the_schemes_U_V_W()
    {
        var scheme = KnownSchemes.Winograd();
        var model = OnnxModel.Parse(OnnxExporter.Export(scheme, 1).ToByteArray());

        var u = model.Graph.Initializers.Single(t => t.Name == "U");
        u.Dims.Should().Equal(7, 4);
        u.AsFloats().Select(x => (double)x).Should().Equal(scheme.UFlat.ToArray());
        model.Graph.Initializers.Single(t => t.Name == "W").AsFloats().Select(x => (double)x).Should().Equal(scheme.WFlat.ToArray());
    }

    [Fact]
    public void A_node_input_that_is_never_defined_is_caught()
    {
        var model = Exported();
        var nodes = model.Graph.Nodes.ToList();
        nodes.RemoveAt(3); // its output feeds the next node
        var broken = model with { Graph = model.Graph with { Nodes = nodes } };

        OnnxStructure.Problems(broken).Should().Contain(p => p.Contains("is not defined before it is used"));
    }

    [Fact]
    public void Nodes_out_of_topological_order_are_caught()
    {
        var model = Exported();
        var nodes = model.Graph.Nodes.Reverse().ToList();

        OnnxStructure.Problems(model with { Graph = model.Graph with { Nodes = nodes } }).Should().NotBeEmpty();
    }

    [Fact]
    public void A_missing_opset_is_caught()
    {
        var model = Exported() with { Opsets = [] };

        OnnxStructure.Problems(model).Should().ContainSingle().Which.Should().Contain("opset");
    }

    [Fact]
    public void A_name_defined_twice_is_caught()
    {
        var model = Exported();
        var initializers = model.Graph.Initializers.Append(model.Graph.Initializers[0]).ToList();

        OnnxStructure.Problems(model with { Graph = model.Graph with { Initializers = initializers } })
            .Should().Contain(p => p.Contains("defined twice"));
    }

    [Fact]
    public void An_output_that_no_node_produces_is_caught()
    {
        var model = Exported();
        var outputs = model.Graph.Outputs.Select(o => o with { Name = "D" }).ToList();

        OnnxStructure.Problems(model with { Graph = model.Graph with { Outputs = outputs } })
            .Should().Contain(p => p.Contains("'D' is never produced"));
    }

    [Fact]
    public void Writing_and_reading_a_model_gives_back_the_same_graph()
    {
        var written = OnnxExporter.Export(KnownSchemes.Strassen(), 2);
        var read = OnnxModel.Parse(written.ToByteArray());

        read.Graph.Nodes.Select(n => (n.Name, n.OpType, string.Join(",", n.Inputs), string.Join(",", n.Outputs)))
            .Should().Equal(written.Graph.Nodes.Select(n => (n.Name, n.OpType, string.Join(",", n.Inputs), string.Join(",", n.Outputs))));
        read.Graph.Initializers.Select(t => (t.Name, Convert.ToHexString(t.RawData)))
            .Should().Equal(written.Graph.Initializers.Select(t => (t.Name, Convert.ToHexString(t.RawData))));
        read.ToByteArray().Should().Equal(written.ToByteArray());
    }

    [Fact]
    public void The_64x64_Strassen_graph_is_small()
    {
        var bytes = OnnxExporter.Export(KnownSchemes.Strassen(), 6).ToByteArray();

        bytes.Length.Should().BeLessThan(64 * 1024, "the recursion is vectorised, not unrolled into 7^6 nodes");
    }
}
