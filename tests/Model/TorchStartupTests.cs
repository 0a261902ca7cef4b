using TorchSharp;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class TorchStartupTests
{
    [Fact]
    public void The_first_TorchSharp_call_loads_the_native_shim_and_computes()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var product = torch.matmul(a, a);
        product.data<float>().ToArray().Should().Equal(7f, 10f, 15f, 22f);
    }
}
