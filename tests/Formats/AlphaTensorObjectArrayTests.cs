using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class AlphaTensorObjectArrayTests
{
    [Fact]
    public void A_rectangular_object_array_reads_as_a_valid_2_2_3_scheme_of_rank_11()
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint("alphatensor_rect_223.npz"));
        source.Key.Should().Be("2,2,3");
        source.Scheme.Shape.Should().Be(new Shape(2, 2, 3));
        source.Scheme.Rank.Should().Be(11);
        BrentCheck.Exact(source.Scheme).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("2,2,2", 2, 2, 2, 7)]
    [InlineData("2,2,3", 2, 2, 3, 11)]
    public void A_factorizations_file_with_square_and_rectangular_keys_reads_each_key(string key, int n, int m, int p, int rank)
    {
        var source = SchemeReader.Read(Path.Combine(Fixtures.Dir("alphatensor"), "factorizations_like.npz"), key);
        source.Scheme.Shape.Should().Be(new Shape(n, m, p));
        source.Scheme.Rank.Should().Be(rank);
        BrentCheck.Exact(source.Scheme).IsValid.Should().BeTrue();
    }

    [Fact]
    public void W_of_an_object_array_indexes_C_transposed()
    {
        // The naive <2,3,4> scheme in AlphaTensor's layout: w row k*n + i is C[i,k].
        var naive = KnownSchemes.Naive(new Shape(2, 3, 4));
        int rank = naive.Rank, n = 2, p = 4;
        var u = new double[6 * rank];
        var v = new double[12 * rank];
        var w = new double[8 * rank];
        for (int r = 0; r < rank; r++)
        {
            for (int x = 0; x < 6; x++) u[x * rank + r] = naive.U(r, x);
            for (int y = 0; y < 12; y++) v[y * rank + r] = naive.V(r, y);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < p; k++) w[(k * n + i) * rank + r] = naive.W(i * p + k, r);
        }
        var array = new NpyArray([3], [], "|O", [new([6, rank], u, "<i8"), new([12, rank], v, "<i8"), new([8, rank], w, "<i8")]);
        var read = AlphaTensorLayout.ToScheme(array, "t", "2,3,4");
        read.CoefficientsEqual(naive).Should().BeTrue();
        var wrongKey = () => AlphaTensorLayout.ToScheme(array, "t", "2,4,3");
        wrongKey.Should().Throw<SchemeFormatException>();
        AlphaTensorLayout.ToScheme(array, "t").Shape.Should().Be(new Shape(2, 3, 4), "the shape can be solved from the row counts");
    }
}
