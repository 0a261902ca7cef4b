using System.Text;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Our JSON scheme format: what it refuses and where it says the problem is, and what it writes.</summary>
[Trait("Category", "Fast")]
public class SchemeJsonTests
{
    private const string Strassen222 = "\"shape\":[2,2,2],\"U\":[[1,0,0,1]],\"V\":[[1,0,0,1]],\"W\":[[1],[0],[0],[1]]";

    private static Action Reading(string json) => () => SchemeJson.Read(Encoding.UTF8.GetBytes(json), "t.json");

    [Fact]
    public void Invalid_UTF8_anywhere_in_the_file_is_refused_even_inside_metadata_that_is_never_read()
    {
        var bytes = Encoding.UTF8.GetBytes("{" + Strassen222 + ",\"metadata\":{\"note\":\"x\"}}");
        int x = Array.LastIndexOf(bytes, (byte)'x');
        bytes[x] = 0xFF;
        var act = () => SchemeJson.Read(bytes, "t.json");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: not valid UTF-8");
    }

    [Fact]
    public void Nesting_deeper_than_16_levels_is_refused()
    {
        var deep = new string('[', 16) + new string(']', 16);
        var act = Reading("{" + Strassen222 + ",\"metadata\":{\"deep\":" + deep + "}}");
        act.Should().Throw<SchemeFormatException>().WithMessage("*not valid JSON*");
    }

    [Fact]
    public void Nesting_of_16_levels_is_accepted()
    {
        var deep = new string('[', 14) + new string(']', 14);
        var (scheme, metadata) = SchemeJson.Read(Encoding.UTF8.GetBytes("{" + Strassen222 + ",\"metadata\":{\"deep\":" + deep + "}}"), "t.json");
        scheme.Rank.Should().Be(1);
        metadata.Should().NotBeNull();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    public void A_version_other_than_the_number_1_is_refused(string version)
    {
        var act = Reading("{\"version\":" + version + "," + Strassen222 + "}");
        act.Should().Throw<SchemeFormatException>().WithMessage("*unsupported version*");
    }

    [Fact]
    public void Version_1_and_a_missing_version_are_both_accepted()
    {
        SchemeJson.Read(Encoding.UTF8.GetBytes("{\"version\":1," + Strassen222 + "}"), "t.json").Scheme.Rank.Should().Be(1);
        SchemeJson.Read(Encoding.UTF8.GetBytes("{" + Strassen222 + "}"), "t.json").Scheme.Rank.Should().Be(1);
    }

    [Theory]
    [InlineData("[2.5,2,2]")]
    [InlineData("[2,2,2.5]")]
    public void A_shape_with_a_fractional_dimension_is_refused(string shape)
    {
        var act = Reading("{\"shape\":" + shape + ",\"U\":[],\"V\":[],\"W\":[]}");
        act.Should().Throw<SchemeFormatException>().WithMessage("*'shape' must be three integers*");
    }

    [Fact]
    public void A_missing_shape_is_named_in_the_refusal()
    {
        var act = Reading("{\"U\":[],\"V\":[],\"W\":[]}");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: 'shape' must be an array of numbers");
    }

    [Theory]
    [InlineData("U", "'U' must be an array of rows")]
    [InlineData("V", "'V' must be an array of rows")]
    [InlineData("W", "'W' must be an array of rows")]
    public void A_factor_that_is_not_an_array_is_named_in_the_refusal(string factor, string message)
    {
        var json = "{" + Strassen222.Replace($"\"{factor}\":[", $"\"{factor}\":7,\"_{factor}\":[") + "}";
        Reading(json).Should().Throw<SchemeFormatException>().WithMessage("t.json: " + message);
    }

    [Theory]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1,0,0,\"x\"]],\"V\":[[1,0,0,1]],\"W\":[[1],[0],[0],[1]]}",
        "'U[0]' entry 3 is not a number or a fraction \"p/q\" (integers of at most 300 digits)")]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1,0,0,1]],\"V\":[[1,0,0,1]],\"W\":[[1],[0],[true],[1]]}", "'W[2]' entry 0 is not a number")]
    [InlineData("{\"shape\":[2,2,2],\"U\":[[1,0,0,1]],\"V\":[[1,0,0,1],[0,1]],\"W\":[[1],[0],[0],[1]]}", "*V*")]
    public void A_bad_entry_is_located_by_factor_and_row(string json, string message)
    {
        Reading(json).Should().Throw<SchemeFormatException>().WithMessage("*" + message);
    }

    [Fact]
    public void Written_json_is_indented_and_declares_its_format_and_version()
    {
        var text = SchemeJson.Write(KnownSchemes.Strassen());
        text.Should().Contain("\n  \"format\": \"strassen-repro.scheme\"");
        var obj = JsonNode.Parse(text)!.AsObject();
        obj["format"]!.GetValue<string>().Should().Be(SchemeJson.FormatName);
        obj["version"]!.GetValue<int>().Should().Be(SchemeJson.Version);
    }
}
