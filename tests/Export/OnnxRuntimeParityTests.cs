using Google.Protobuf;
using StrassenRepro.Crystallization;
using StrassenRepro.Export;

namespace StrassenRepro.Tests.Export;

[Trait("Category", "Fast")]
public class OnnxRuntimeParityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("strassen", 1)]
    [InlineData("strassen", 2)]
    [InlineData("strassen", 3)]
    [InlineData("strassen", 6)]
    [InlineData("winograd", 1)]
    [InlineData("winograd", 2)]
    [InlineData("winograd", 3)]
    [InlineData("winograd", 6)]
    [InlineData("alphatensor-3x3", 1)]
    [InlineData("alphatensor-3x3", 2)]
    public void Exported_scheme_run_by_ONNX_Runtime_agrees_with_the_naive_product_within_float32_error(string name, int levels)
    {
        var scheme = Schemes.Named(name);
        var model = OnnxExporter.Export(scheme, levels).ToByteArray();

        var parity = OnnxParity.Check(model, scheme, levels);

        output.WriteLine($"{name} level {levels}: {parity}");
        // Float32 rounding grows with the recursion (Winograd's fastest); ONNX Runtime should be as accurate as our float32 evaluator.
        parity.MaxRelVsNaive64.Should().BeLessThan(Math.Max(1e-6, 4 * parity.EvaluatorMaxRelVsNaive64), "an exact scheme leaves only float32 rounding");
        parity.MaxRelVsNaive64.Should().BeLessThan(1e-4);
        parity.MaxRelVsEvaluator.Should().BeLessThan(OnnxParity.ToleranceFor(parity.EvaluatorMaxRelVsNaive64));
        parity.Pass.Should().BeTrue();
    }

    [Fact]
    public void The_batch_dimension_is_dynamic()
    {
        var scheme = KnownSchemes.Strassen();
        var model = OnnxExporter.Export(scheme, 2).ToByteArray();
        foreach (int batch in new[] { 1, 5 })
        {
            var a = Enumerable.Range(0, batch * 16).Select(i => (float)(i % 7 - 3)).ToArray();
            var b = Enumerable.Range(0, batch * 16).Select(i => (float)(i % 5 - 2)).ToArray();

            var c = OnnxParity.Run(model, a, b, batch, 4, 4, 4);

            for (int item = 0; item < batch; item++)
            {
                var expected = TransferTest.NaiveProduct(
                    a.Skip(item * 16).Take(16).Select(x => (double)x).ToArray(), b.Skip(item * 16).Take(16).Select(x => (double)x).ToArray(), 4, 4, 4);
                c.Skip(item * 16).Take(16).Select(x => (double)x).Should().Equal(expected, "small integers are exact in float32");
            }
        }
    }

    [Fact]
    public void A_rectangular_scheme_exports_with_its_own_shapes()
    {
        var scheme = KnownSchemes.Naive(new Shape(2, 3, 1));
        var model = OnnxExporter.Export(scheme, 2).ToByteArray();

        var parity = OnnxParity.Check(model, scheme, 2);

        parity.MaxRelVsNaive64.Should().BeLessThan(1e-6);
    }
}
