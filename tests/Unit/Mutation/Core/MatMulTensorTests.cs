using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class MatMulTensorTests
{
    [Theory]
    [InlineData(2, 2, 2)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 1, 2)]
    public void The_dense_tensor_agrees_with_its_entries(int n, int m, int p)
    {
        var s = new Shape(n, m, p);
        var dense = MatMulTensor.Dense(s);
        dense.Should().HaveCount(s.ASize * s.BSize * s.CSize);
        dense.Sum().Should().Be(n * m * p);
        for (int x = 0; x < s.ASize; x++)
            for (int y = 0; y < s.BSize; y++)
                for (int z = 0; z < s.CSize; z++)
                    dense[(x * s.BSize + y) * s.CSize + z].Should().Be(MatMulTensor.Entry(s, x, y, z), $"T[{x},{y},{z}]");
    }
}
