using Google.Protobuf;
using Onnx;
using StrassenRepro.Crystallization;
using StrassenRepro.Export;

namespace StrassenRepro.Tests.Export;

[Trait("Category", "Fast")]
public class OnnxStructureTests
{
    private static ModelProto Exported(int levels = 2) =>
        Read(OnnxExporter.Export(KnownSchemes.Strassen(), levels).ToByteArray());

    private static ModelProto Read(byte[] bytes) => ModelProto.Parser.ParseFrom(bytes);

    /// <summary>"A[batch,4,4]": the name and the dimensions, symbolic or fixed.</summary>
    private static string Describe(ValueInfoProto value) =>
        $"{value.Name}[{string.Join(",", value.Shape().Select(d => d.HasDimParam ? d.DimParam : d.DimValue.ToString()))}]";

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void An_exported_file_is_structurally_valid(int levels) =>
        OnnxStructure.Problems(Exported(levels)).Should().BeEmpty();

    [Fact]
    public void The_graph_with_its_products_exposed_is_structurally_valid_too() =>
        OnnxStructure.Problems(Read(OnnxExporter.Export(KnownSchemes.Strassen(), 2, exposeProducts: true).ToByteArray()))
            .Should().BeEmpty();

    [Fact]
    public void The_file_declares_opset_17_and_the_dynamic_batch_inputs_A_B_and_output_C()
    {
        var model = Exported(2);

        model.IrVersion.Should().Be(OnnxExporter.IrVersion);
        model.OpsetImport.Should().ContainSingle().Which.Should().Be(new OperatorSetIdProto { Version = 17 });
        model.Graph.Input.Select(Describe).Should().Equal("A[batch,4,4]", "B[batch,4,4]");
        model.Graph.Output.Select(Describe).Should().Equal("C[batch,4,4]");
    }

    [Fact]
    public void The_coefficients_are_stored_as_the_schemes_U_V_W()
    {
        var scheme = KnownSchemes.Winograd();
        var model = Read(OnnxExporter.Export(scheme, 1).ToByteArray());

        var u = model.Graph.Initializer.Single(t => t.Name == "U");
        u.Dims.Should().Equal(7, 4);
        u.AsFloats().Select(x => (double)x).Should().Equal(scheme.UFlat.ToArray());
        model.Graph.Initializer.Single(t => t.Name == "W").AsFloats().Select(x => (double)x).Should().Equal(scheme.WFlat.ToArray());
    }

    [Fact]
    public void A_node_input_that_is_never_defined_is_caught()
    {
        var model = Exported();
        model.Graph.Node.RemoveAt(3); // its output feeds the next node

        OnnxStructure.Problems(model).Should().Contain(p => p.Contains("is not defined before it is used"));
    }

    [Fact]
    public void Nodes_out_of_topological_order_are_caught()
    {
        var model = Exported();
        var reversed = model.Graph.Node.Reverse().ToList();
        model.Graph.Node.Clear();
        model.Graph.Node.Add(reversed);

        OnnxStructure.Problems(model).Should().NotBeEmpty();
    }

    [Fact]
    public void A_missing_opset_is_caught()
    {
        var model = Exported();
        model.OpsetImport.Clear();

        OnnxStructure.Problems(model).Should().ContainSingle().Which.Should().Contain("opset");
    }

    [Fact]
    public void A_name_defined_twice_is_caught()
    {
        var model = Exported();
        model.Graph.Initializer.Add(model.Graph.Initializer[0].Clone());

        OnnxStructure.Problems(model)
            .Should().Contain(p => p.Contains("defined twice"));
    }

    [Fact]
    public void An_output_that_no_node_produces_is_caught()
    {
        var model = Exported();
        model.Graph.Output[0].Name = "D";

        OnnxStructure.Problems(model)
            .Should().Contain(p => p.Contains("'D' is never produced"));
    }

    [Fact]
    public void Writing_and_reading_a_model_gives_back_the_same_graph()
    {
        var written = OnnxExporter.Export(KnownSchemes.Strassen(), 2);
        var read = Read(written.ToByteArray());

        read.Graph.Node.Select(n => (n.Name, n.OpType, string.Join(",", n.Input), string.Join(",", n.Output)))
            .Should().Equal(written.Graph.Node.Select(n => (n.Name, n.OpType, string.Join(",", n.Input), string.Join(",", n.Output))));
        read.Graph.Initializer.Select(t => (t.Name, t.RawData.ToBase64()))
            .Should().Equal(written.Graph.Initializer.Select(t => (t.Name, t.RawData.ToBase64())));
        read.Should().Be(written);
        read.ToByteArray().Should().Equal(written.ToByteArray());
    }

    [Fact]
    public void A_tensor_written_as_proto2_writers_do_reads_the_same()
    {
        // Unpacked dims and the typed int64_data field, not raw_data (onnx.proto is proto2; we write onnx.proto3).
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        void Int64Field(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }
        Int64Field(1, 1);
        Int64Field(1, 3);
        Int64Field(2, OnnxMessages.Int64);
        foreach (long value in new long[] { 0, 4, -1 }) Int64Field(7, value);
        output.WriteTag(8, WireFormat.WireType.LengthDelimited);
        output.WriteString("shape");
        output.Flush();

        var tensor = TensorProto.Parser.ParseFrom(memory.ToArray());

        tensor.Dims.Should().Equal(1, 3);
        tensor.AsInt64s().Should().Equal(0, 4, -1);
        tensor.Should().Be(new TensorProto
        {
            Name = "shape",
            DataType = OnnxMessages.Int64,
            Dims = { 1, 3 },
            Int64Data = { 0, 4, -1 }
        });
        var act = () => tensor.AsFloats();
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_64x64_Strassen_graph_is_small()
    {
        var bytes = OnnxExporter.Export(KnownSchemes.Strassen(), 6).ToByteArray();

        bytes.Length.Should().BeLessThan(64 * 1024, "the recursion is vectorised, not unrolled into 7^6 nodes");
    }
}
