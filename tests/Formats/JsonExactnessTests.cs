using System.Numerics;
using System.Text;
using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>
/// Issue 22: our JSON is read from its text. Integers are exact at any size, a float is exact only where float64
/// holds its decimal, and no value is rounded on the way to the exact check.
/// </summary>
[Trait("Category", "Fast")]
public class JsonExactnessTests
{
    private static JsonScheme Read(string json) => SchemeJson.ReadExact(Encoding.UTF8.GetBytes(json), "t.json");

    private static string OneByOne(string u) => $"{{\"shape\":[1,1,1],\"U\":[[{u}]],\"V\":[[1]],\"W\":[[1]]}}";

    [Fact]
    public void The_issues_integers_past_2_to_the_53_give_not_valid()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"shape\": [1, 1, 1], \"U\": [[9007199254740992], [-9007199254740993], " +
                                           "[1]], \"V\": [[1], [1], [1]], \"W\": [[1, 1, 1]]}");
        var source = SchemeReader.Read(bytes, "big.json");
        source.Exact!.U(1, 0).Numerator.Should().Be(-(BigInteger.Pow(2, 53) + 1));
        var report = Verifier.Verify(source.Scheme, new VerificationOptions(), declared: source.Exact);
        report.Verdict.Should().Be("NOT VALID");
        report.ExactArithmetic.Should().Be("integer");
    }

    [Theory]
    [InlineData("0.5", 1, 2)]
    [InlineData("2.5e-1", 1, 4)]
    [InlineData("1e22", 10_000_000_000_000_000_000_000d, 1)]
    [InlineData("-0", 0, 1)]
    [InlineData("0e-99999999999999999999", 0, 1)]
    [InlineData("-3.000", -3, 1)]
    public void A_float_that_float64_holds_exactly_is_exact(string text, double num, double den)
    {
        var exact = Read(OneByOne(text)).Exact!.U(0, 0);
        exact.Should().Be(new Fraction(new BigInteger(num), new BigInteger(den)));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("0.30000001192092896")]
    [InlineData("1e-5")]
    public void A_float_that_is_no_exact_double_makes_the_scheme_real(string text)
    {
        var read = Read(OneByOne(text));
        read.Exact.Should().BeNull();
        read.Scheme.U(0, 0).Should().Be(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("9007199254740993.0")]
    [InlineData("0.50000000000000001")]
    public void A_float_whose_double_would_pass_for_an_exact_value_it_is_not_is_refused(string text)
    {
        var act = () => Read(OneByOne(text));
        act.Should().Throw<SchemeFormatException>()
            .WithMessage($"t.json: 'U[0]' entry 0 is {text}, which float64 does not hold exactly*integer literal*");
    }

    [Fact]
    public void Integers_of_up_to_300_digits_are_exact_and_longer_ones_are_refused()
    {
        string digits300 = "1" + new string('0', 299);
        Read(OneByOne(digits300)).Exact!.U(0, 0).Numerator.Should().Be(BigInteger.Pow(10, 299));
        var act = () => Read(OneByOne(digits300 + "0"));
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: 'U[0]' entry 0 is too long to read exactly*");
        var longFloat = () => Read(OneByOne("0." + new string('1', 1200)));
        longFloat.Should().Throw<SchemeFormatException>().WithMessage("*too long*");
    }

    [Fact]
    public void Big_integers_are_written_as_integer_literals_and_read_back_exactly()
    {
        var big = new Fraction(BigInteger.Pow(3, 100), 1);
        var third = new Fraction(1, 3);
        var s = new RationalScheme(new Shape(1, 1, 1), 1, [big], [third], [new Fraction(-5, 1)]);
        string text = SchemeJson.Write(s);
        text.Should().Contain(BigInteger.Pow(3, 100).ToString()).And.NotContain("\"" + BigInteger.Pow(3, 100));
        var back = Read(text).Exact!;
        (back.U(0, 0), back.V(0, 0), back.W(0, 0)).Should().Be((big, third, new Fraction(-5, 1)));
    }

    [Fact]
    public void A_float_beside_an_integer_past_2_to_the_53_is_refused()
    {
        var act = () => Read("{\"shape\":[1,1,1],\"U\":[[9007199254740993],[0.1]],\"V\":[[1],[1]],\"W\":[[1,1]]}");
        act.Should().Throw<SchemeFormatException>().WithMessage("*'U[1]' entry 0 is 0.1, not exact*");
    }

    [Theory]
    [InlineData("{\"shape\":[1,1,1],\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1]]}", "shape")]
    [InlineData("{\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1]],\"U\":[[2]]}", "U")]
    [InlineData("{\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1]],\"metadata\":{\"a\":1,\"a\":2}}", "a")]
    public void Duplicate_keys_are_refused_in_one_line_wherever_they_are(string json, string key)
    {
        var act = () => Read(json);
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.json: not valid JSON (*'{key}'*)")
            .Which.Message.Should().NotContain("\n");
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OneByOne("1"))).ToArray();
        SchemeReader.Read(bytes, "bom.json").Scheme.U(0, 0).Should().Be(1);
        Read(Encoding.UTF8.GetString(bytes)).Scheme.Rank.Should().Be(1);
    }

    [Fact]
    public void More_slots_than_the_limit_are_refused_before_their_entries_are_read()
    {
        int slots = SchemeJson.MaxSlots + 1;
        // Entries that would be refused if they were read: the row count decides first.
        string rows = string.Join(",", Enumerable.Repeat("[\"x\"]", slots));
        var act = () => Read($"{{\"shape\":[1,1,1],\"U\":[{rows}],\"V\":[],\"W\":[[]]}}");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.json: 'U' has {slots} rows, over the limit of {SchemeJson.MaxSlots}");
        var w = () => Read("{\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1],[1]]}");
        w.Should().Throw<SchemeFormatException>().WithMessage("*'W' has 2 rows, over the limit of 1");
    }

    /// <summary>
    /// Fuzz: random <1,1,1> and <2,1,1> schemes of integer literals near 2^53 and far past it, some of whose slots cancel
    /// exactly and some almost. The verdict must equal an independent check on the literals (BigInteger sums of the
    /// text's integers, without the reader), for every draw.
    /// </summary>
    [Fact]
    public void Random_big_integer_schemes_get_the_verdict_of_an_independent_exact_check()
    {
        var rng = new Random(2201);
        var two53 = BigInteger.Pow(2, 53);
        for (int trial = 0; trial < TestBudget.Trials(200); trial++)
        {
            int rank = rng.Next(2, 5);
            var u = new BigInteger[rank];
            var w = new BigInteger[rank];
            for (int r = 0; r < rank; r++)
            {
                var magnitude = rng.Next(4) switch { 0 => two53, 1 => two53 * two53, 2 => BigInteger.One << 60, _ => 3 };
                u[r] = magnitude + rng.Next(-2, 3);
                w[r] = rng.Next(-1, 2);
            }
            // Half the draws are made valid exactly: the last slot takes what the others leave of 1.
            if (trial % 2 == 0)
            {
                var rest = BigInteger.One - Enumerable.Range(0, rank - 1).Aggregate(BigInteger.Zero, (a, r) => a + u[r] * w[r]);
                (u[rank - 1], w[rank - 1]) = (rest, 1);
            }
            string json = $"{{\"shape\":[1,1,1],\"U\":[{string.Join(",", u.Select(x => $"[{x}]"))}]," +
                          $"\"V\":[{string.Join(",", Enumerable.Repeat("[1]", rank))}],\"W\":[[{string.Join(",", w)}]]}}";
            bool oracle = Oracle(json);
            var source = SchemeReader.Read(Encoding.UTF8.GetBytes(json), "fuzz.json");
            var report = Verifier.Verify(source.Scheme, new VerificationOptions { TransferLevels = [1, 2] }, declared: source.Exact);
            report.Valid.Should().Be(oracle, json);
            report.BrentValid.Should().Be(oracle, json);
        }
    }

    /// <summary>sum_r U_r V_r W_r = 1 for a <1,1,1> scheme, in BigInteger from the literals' text.</summary>
    private static bool Oracle(string json)
    {
        using var doc = JsonDocument.Parse(json);
        BigInteger Entry(JsonElement e) => BigInteger.Parse(e.GetRawText());
        var u = doc.RootElement.GetProperty("U").EnumerateArray().Select(row => Entry(row[0])).ToArray();
        var v = doc.RootElement.GetProperty("V").EnumerateArray().Select(row => Entry(row[0])).ToArray();
        var w = doc.RootElement.GetProperty("W")[0].EnumerateArray().Select(Entry).ToArray();
        return Enumerable.Range(0, u.Length).Aggregate(BigInteger.Zero, (a, r) => a + u[r] * v[r] * w[r]).IsOne;
    }
}

[Trait("Category", "Fast")]
public class JsonMixedNumberTests
{
    [Fact]
    public void Exact_floats_beside_inexact_ones_make_a_real_scheme_not_an_error()
    {
        // 2.5 is exact, 0.4 is not: a real scheme (Q path), as a trained checkpoint with one round weight would be.
        var read = SchemeJson.ReadExact(Encoding.UTF8.GetBytes(
            "{\"shape\":[1,1,1],\"U\":[[0.4],[1]],\"V\":[[1],[1]],\"W\":[[2.5,0]]}"), "t.json");
        read.Exact.Should().BeNull();
        read.Scheme.W(0, 0).Should().Be(2.5);
    }
}
