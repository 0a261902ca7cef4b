using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>CatalogueJsonWriter: the catalogue's layout to the character, and back through CatalogueJson.</summary>
[Trait("Category", "Fast")]
public class CatalogueJsonWriterTests
{
    private static JsonScheme Read(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return CatalogueJson.FromDocument(doc.RootElement, "written.json");
    }

    [Fact]
    public void Strassen_is_written_as_the_catalogue_writes_it()
    {
        // w is C transposed: w[r] = [c11, c21, c12, c22]; m2 = (a21 + a22) b11 goes to c21 and -c22.
        const string expected = """
            {
                "n": [2, 2, 2],
                "m": 7,
                "z2": false,
                "multiplications": [
                    "m1 = (a11 + a22) * (b11 + b22)",
                    "m2 = (a21 + a22) * (b11)",
                    "m3 = (a11) * (b12 - b22)",
                    "m4 = (a22) * (-b11 + b21)",
                    "m5 = (a11 + a12) * (b22)",
                    "m6 = (-a11 + a21) * (b11 + b12)",
                    "m7 = (a12 - a22) * (b21 + b22)"
                ],
                "elements": [
                    "c11 = m1 + m4 - m5 + m7",
                    "c12 = m3 + m5",
                    "c21 = m2 + m4",
                    "c22 = m1 - m2 + m3 + m6"
                ],
                "u": [
                    [1, 0, 0, 1],
                    [0, 0, 1, 1],
                    [1, 0, 0, 0],
                    [0, 0, 0, 1],
                    [1, 1, 0, 0],
                    [-1, 0, 1, 0],
                    [0, 1, 0, -1]
                ],
                "v": [
                    [1, 0, 0, 1],
                    [1, 0, 0, 0],
                    [0, 1, 0, -1],
                    [-1, 0, 1, 0],
                    [0, 0, 0, 1],
                    [1, 1, 0, 0],
                    [0, 0, 1, 1]
                ],
                "w": [
                    [1, 0, 0, 1],
                    [0, 1, 0, -1],
                    [0, 0, 1, 1],
                    [1, 1, 0, 0],
                    [-1, 0, 1, 0],
                    [0, 0, 0, 1],
                    [1, 0, 0, 0]
                ]
            }

            """;
        var strassen = CatalogueFixtures.Exact(KnownSchemes.Strassen());
        CatalogueJsonWriter.Write(strassen).Should().Be(expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_rectangular_scheme_with_fractions_reads_back_exactly_and_is_valid()
    {
        var thirds = CatalogueFixtures.StrassenThirds();
        var text = CatalogueJsonWriter.Write(thirds);
        text.Should().Contain("\"m1 = (1/3a11 + 1/3a22) * (b11 + b22)\"").And.Contain("\"c11 = 3m1 + m4 - m5 + m7\"")
            .And.Contain("[\"1/3\", 0, 0, \"1/3\"]");
        var back = Read(text);
        back.Ring.Should().Be(Ring.Z);
        back.Exact!.ToScheme().CoefficientsEqual(thirds.ToScheme()).Should().BeTrue();
        BrentCheck.Exact(back.Exact).IsValid.Should().BeTrue();

        var naive = CatalogueFixtures.Exact(KnownSchemes.Naive(new Shape(2, 3, 4)));
        var rect = Read(CatalogueJsonWriter.Write(naive));
        rect.Exact!.ToScheme().CoefficientsEqual(naive.ToScheme()).Should().BeTrue("w[r][k*n + i] is C[i,k]");
        BrentCheck.Exact(rect.Exact).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Negative_fractions_large_integers_and_empty_forms_are_written_exactly()
    {
        var big = BigInteger.Pow(2, 60) + 1;
        var s = new RationalScheme(new Shape(1, 1, 2), 2,
            u: [new Fraction(-1, 2), Fraction.Zero],
            v: [new Fraction(big, 1), -2, 1, new Fraction(-3, 4)],
            w: [1, -1, Fraction.Zero, new Fraction(5, 1)]);
        var text = CatalogueJsonWriter.Write(s);
        text.Should().Contain("\"m1 = (-1/2a11) * (1152921504606846977b11 - 2b12)\"")
            .And.Contain("\"m2 = (0) * (b11 - 3/4b12)\"")
            .And.Contain("\"c11 = m1 - m2\"").And.Contain("\"c12 = 5m2\"")
            .And.Contain("[1152921504606846977, -2]").And.Contain("[\"-1/2\"]").And.Contain("[1, 0]");
        var back = Read(text).Exact!;
        back.V(0, 0).Should().Be(new Fraction(big, 1));
        back.U(0, 0).Should().Be(new Fraction(-1, 2));
        back.W(1, 1).Should().Be(new Fraction(5, 1));
    }

    [Fact]
    public void Extra_fields_follow_z2_and_a_mod_2_scheme_says_so()
    {
        var strassen = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x)));
        var extra = new JsonObject { ["complexity"] = 18, ["metadata"] = new JsonObject { ["seed"] = 3 } };
        var text = CatalogueJsonWriter.Write(strassen, z2: true, extra);
        text.Should().StartWith("{\n    \"n\": [2, 2, 2],\n    \"m\": 7,\n    \"z2\": true,\n    \"complexity\": 18,\n" +
                                "    \"metadata\": {\"seed\":3},\n    \"multiplications\": [\n");
        Read(text).Ring.Should().Be(Ring.F2);
        extra.Count.Should().Be(2, "the caller's object is read, not taken");
    }
}
