using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class ReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", name);

    [Theory]
    [InlineData("strassen_int64.npy")]
    [InlineData("strassen_int32_fortran.npy")]
    [InlineData("strassen_float32.npy")]
    [InlineData("strassen_float64_bigendian_v2.npy")]
    [InlineData("strassen_int8.npy")]
    public void Every_npy_encoding_of_Strassen_reads_as_Strassens_coefficients(string file)
    {
        var source = SchemeReader.Read(Fixture(file));
        source.Format.Should().Be("npy");
        source.Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Theory]
    [InlineData("2,2,2", 2, 7)]
    [InlineData("3,3,3", 3, 27)]
    [InlineData("4,4,4", 4, 49)]
    public void AlphaTensor_npz_entries_of_square_shapes_are_valid_over_Z(string key, int n, int rank)
    {
        var source = SchemeReader.Read(Fixture("factorizations_r.npz"), key);
        source.Key.Should().Be(key);
        source.Scheme.Shape.Should().Be(new Shape(n, n, n));
        source.Scheme.Rank.Should().Be(rank);
        BrentCheck.Exact(source.Scheme).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_f2_file_holds_a_scheme_valid_mod_2_and_rejected_over_Z()
    {
        var scheme = SchemeReader.Read(Fixture("factorizations_f2.npz")).Scheme;
        BrentCheck.Exact(scheme, Ring.F2).IsValid.Should().BeTrue();
        BrentCheck.Exact(scheme, Ring.Z).IsValid.Should().BeFalse();
    }

    [Fact]
    public void AlphaTensor_layout_transposes_C_and_round_trips()
    {
        var s = KnownSchemes.Winograd();
        var data = AlphaTensorLayout.FromScheme(s);
        var back = AlphaTensorLayout.ToScheme(new NpyArray([3, 4, 7], data, "<f8"), "t");
        back.CoefficientsEqual(s).Should().BeTrue();
        // Read without the transposition, Strassen's c12 and c21 swap and the scheme is invalid.
        var plain = KnownSchemes.Strassen();
        var swapped = Scheme.FromRows(plain.Shape, plain.URows(), plain.VRows(), [plain.WRows()[0], plain.WRows()[2], plain.WRows()[1], plain.WRows()[3]]);
        BrentCheck.Exact(swapped).IsValid.Should().BeFalse();
    }

    [Fact]
    public void An_npz_with_several_entries_needs_a_key_and_names_them()
    {
        var act = () => SchemeReader.Read(Fixture("factorizations_r.npz"));
        act.Should().Throw<SchemeFormatException>().WithMessage("*--key*2,2,2 3,3,3 4,4,4*");
        var missing = () => SchemeReader.Read(Fixture("factorizations_r.npz"), "5,5,5");
        missing.Should().Throw<SchemeFormatException>().WithMessage("*no entry '5,5,5'*");
    }

    [Fact]
    public void A_truncated_npy_is_refused()
    {
        var bytes = File.ReadAllBytes(Fixture("strassen_int64.npy"));
        var act = () => NpyReader.Read(bytes[..^8], "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated*");
    }

    [Fact]
    public void An_object_array_without_its_pickle_is_refused()
    {
        var act = () => NpyReader.Read(Npy("|O", "(3,)", []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated pickle*");
    }

    [Theory]
    [InlineData("<i8", 9007199254740993UL)]
    [InlineData("<u8", 9007199254740993UL)]
    [InlineData("<u8", ulong.MaxValue)]
    public void A_64_bit_integer_past_two_to_the_53_is_refused_not_rounded(string descr, ulong value)
    {
        var act = () => NpyReader.Read(Npy(descr, "(1,)", BitConverter.GetBytes(value)), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.npy: integer coefficient * is too large to check exactly");
    }

    [Theory]
    [InlineData("<i8", 9007199254740992L)]
    [InlineData("<i8", -9007199254740992L)]
    [InlineData(">i8", -5L)]
    public void A_64_bit_integer_up_to_two_to_the_53_reads_exactly(string descr, long value)
    {
        var bytes = BitConverter.GetBytes(value);
        if (descr[0] == '>') Array.Reverse(bytes);
        NpyReader.Read(Npy(descr, "(1,)", bytes), "t.npy").Data.Should().Equal((double)value);
    }

    [Fact]
    public void A_huge_declared_shape_is_refused_before_allocation()
    {
        var act = () => NpyReader.Read(Npy("<f8", "(100000, 100000, 3)", []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*more than*");
    }

    [Fact]
    public void A_header_without_a_shape_is_malformed()
    {
        var act = () => NpyReader.Read(Npy("<f8", null, []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed*");
    }

    [Fact]
    public void A_npy_array_of_the_wrong_shape_is_not_a_factorization()
    {
        var act = () => AlphaTensorLayout.ToScheme(new NpyArray([2, 4, 7], new double[56], "<f8"), "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*(3, d, R)*");
        var notSquare = () => AlphaTensorLayout.ToScheme(new NpyArray([3, 6, 7], new double[126], "<f8"), "t");
        notSquare.Should().Throw<SchemeFormatException>().WithMessage("*not a square*");
    }

    [Fact]
    public void Json_round_trips_a_scheme_with_metadata()
    {
        var meta = new System.Text.Json.Nodes.JsonObject { ["seed"] = 3 };
        var (scheme, metadata) = SchemeJson.Read(Encoding.UTF8.GetBytes(SchemeJson.Write(KnownSchemes.Winograd(), meta)), "t.json");
        scheme.CoefficientsEqual(KnownSchemes.Winograd()).Should().BeTrue();
        metadata!["seed"]!.GetValue<int>().Should().Be(3);
    }

    [Theory]
    [InlineData("{\"shape\":[2,2],\"U\":[],\"V\":[],\"W\":[]}", "*three integers*")]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1,0,0,\"x\"]],\"V\":[[1,0,0,0]],\"W\":[[1],[0],[0],[1]]}", "*not a number*")]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1,0,0,1]],\"V\":[[1,0,0,0],[1,1,1,1]],\"W\":[[1],[0],[0],[1]]}", "*V has 2*")]
    [InlineData("{\"format\":\"other\",\"shape\":[2,2,2]}", "*format 'other'*")]
    [InlineData("[1,2,3]", "*JSON object*")]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1e999,0,0,1]],\"V\":[[1,0,0,0]],\"W\":[[1],[0],[0],[1]]}", "*")]
    public void Malformed_json_is_refused_with_a_reason(string json, string message)
    {
        var act = () => SchemeJson.Read(Encoding.UTF8.GetBytes(json), "t.json");
        act.Should().Throw<SchemeFormatException>().WithMessage(message);
    }

    private static byte[] Npy(string descr, string? shape, byte[] data) => TestBytes.Npy(descr, shape, data);
}
