using System.Text;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Exact fractions in our JSON format: "p/q" strings in, and out where a double would not be exact.</summary>
[Trait("Category", "Fast")]
public class SchemeJsonFractionTests
{
    private static JsonScheme Read(string u, string w) => SchemeJson.ReadExact(Encoding.UTF8.GetBytes(
        $"{{\"shape\":[1,1,1],\"U\":[{u}],\"V\":[[1]],\"W\":[{w}]}}"), "t.json");

    [Fact]
    public void Fraction_strings_give_exact_values_and_their_nearest_doubles()
    {
        var read = Read("[3]", "[\"1/3\"]");
        read.Exact.Should().NotBeNull();
        read.Exact!.W(0, 0).Should().Be(new Fraction(1, 3));
        read.Exact.U(0, 0).Should().Be(new Fraction(3, 1));
        read.Scheme.W(0, 0).Should().Be(1.0 / 3);
        BrentCheck.Exact(read.Exact).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_file_of_exact_numbers_is_exact_and_one_of_floats_is_real()
    {
        Read("[2]", "[0.5]").Exact!.W(0, 0).Should().Be(new Fraction(1, 2));
        Read("[2]", "[0.3]").Exact.Should().BeNull("0.3 is no double: a real coefficient, checked through Q");
    }

    [Fact]
    public void Beside_a_fraction_a_dyadic_number_is_exact_and_any_other_is_refused()
    {
        var read = SchemeJson.ReadExact(Encoding.UTF8.GetBytes(
            "{\"shape\":[1,1,1],\"U\":[[\"1/3\"],[0.25]],\"V\":[[1],[4]],\"W\":[[3, 0]]}"), "t.json");
        read.Exact!.U(1, 0).Should().Be(new Fraction(1, 4));
        var act = () => Read("[0.1]", "[\"10\"]");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: 'U[0]' entry 0 is 0.1, not exact; *\"p/q\"*");
        var inV = () => SchemeJson.ReadExact(
            Encoding.UTF8.GetBytes("{\"shape\":[1,1,1],\"U\":[[\"1/2\"]],\"V\":[[0.1]],\"W\":[[20]]}"), "t.json");
        inV.Should().Throw<SchemeFormatException>().WithMessage("*'V[0]' entry 0*");
        var inW = () => Read("[\"1/2\"]", "[0.1]");
        inW.Should().Throw<SchemeFormatException>().WithMessage("*'W[0]' entry 0*");
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("\"1/0\"")]
    [InlineData("\"0.5\"")]
    public void A_string_that_is_no_fraction_is_refused_where_it_is(string entry)
    {
        var act = () => Read("[1]", $"[{entry}]");
        act.Should().Throw<SchemeFormatException>()
            .WithMessage("t.json: 'W[0]' entry 0 is not a number or a fraction \"p/q\"*");
    }

    [Fact]
    public void Writing_keeps_dyadic_fractions_as_numbers_and_the_others_as_strings_and_reads_back_the_same()
    {
        Fraction[] u = [new(1, 3), new(1, 2048)], v = [new(3, 1), new(1, 1)], w = [new(3, 1), new(-1, 2)];
        var scheme = new RationalScheme(new Shape(1, 1, 1), 2, u, v, w);
        var json = SchemeJson.ToJson(scheme, new JsonObject { ["note"] = "x" });
        json["U"]![0]![0]!.GetValue<string>().Should().Be("1/3");
        json["U"]![1]![0]!.GetValue<string>().Should().Be("1/2048", "past 2^10 a double is not read as exact");
        json["V"]![0]![0]!.GetValue<double>().Should().Be(3);
        json["W"]![0]![1]!.GetValue<double>().Should().Be(-0.5);
        json["metadata"]!["note"]!.GetValue<string>().Should().Be("x");
        var back = SchemeJson.ReadExact(Encoding.UTF8.GetBytes(SchemeJson.Write(scheme)), "t.json").Exact!;
        back.U(0, 0).Should().Be(new Fraction(1, 3));
        back.U(1, 0).Should().Be(new Fraction(1, 2048));
        back.W(0, 1).Should().Be(new Fraction(-1, 2));
    }

    [Fact]
    public void The_reader_passes_declared_fractions_on_with_the_scheme()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"shape\":[1,1,1],\"U\":[[3]],\"V\":[[1]],\"W\":[[\"1/3\"]]}");
        SchemeReader.Read(bytes, "t.json").Exact!.W(0, 0).Should().Be(new Fraction(1, 3));
        var (scheme, _) = SchemeJson.Read(bytes, "t.json");
        scheme.W(0, 0).Should().Be(1.0 / 3);
        var declared = SchemeReader.Read(bytes, "t.json").Exact;
        var report = Verifier.Verify(scheme, new VerificationOptions { TransferLevels = [] }, declared: declared);
        report.ExactArithmetic.Should().Be("rational");
        report.BrentValid.Should().BeTrue();
    }
}

[Trait("Category", "Fast")]
public class SchemeJsonFractionRowTests
{
    [Fact]
    public void One_fraction_in_a_row_of_numbers_makes_the_file_exact()
    {
        var read = SchemeJson.ReadExact(Encoding.UTF8.GetBytes(
            "{\"shape\":[1,1,1],\"U\":[[3],[1]],\"V\":[[1],[0]],\"W\":[[\"1/3\", 5]]}"), "t.json");
        read.Exact.Should().NotBeNull();
        read.Exact!.W(0, 1).Should().Be(new Fraction(5, 1));
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_named_as_not_finite()
    {
        var act = () => SchemeJson.ReadExact(Encoding.UTF8.GetBytes(
            "{\"shape\":[1,1,1],\"U\":[[1e999]],\"V\":[[1]],\"W\":[[1]]}"), "t.json");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: 'U[0]' entry 0 is not finite");
    }

    [Fact]
    public void A_rational_scheme_is_written_indented()
    {
        var one = new Fraction(1, 1);
        SchemeJson.Write(new RationalScheme(new Shape(1, 1, 1), 1, [one], [one], [one])).Should().Contain("\n  ");
    }
}
