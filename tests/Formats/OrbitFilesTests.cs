using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>The file side of `equivalent` and `classify`: exact reading, rings, shapes, unreadable files.</summary>
[Trait("Category", "Fast")]
public class OrbitFilesTests
{
    private static string Write(string name, string text)
    {
        var path = Path.Combine(TempFolder.Create("orbit-files"), name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Json(Scheme s, string name) => Write(name, SchemeJson.Write(s));

    [Fact]
    public void A_file_is_read_exactly_in_the_ring_asked_for()
    {
        var file = OrbitFiles.Read(Json(KnownSchemes.Strassen(), "s.json"));
        file.Format.Should().Be("json");
        file.Scheme.Ring.Should().Be(Ring.Z);
        file.Scheme.Rank.Should().Be(7);
        OrbitFiles.Read(Json(KnownSchemes.Strassen(), "s.json"), Ring.F2).Scheme.Ring.Should().Be(Ring.F2);
    }

    [Fact]
    public void A_file_that_declares_itself_mod_2_is_read_over_F2()
    {
        var modTwo = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x) % 2));
        var path = Write("z2.json", CatalogueFixtures.CatalogueJson(modTwo, z2: true));
        OrbitFiles.Read(path).Scheme.Ring.Should().Be(Ring.F2);
        OrbitFiles.Read(Write("z.json", CatalogueFixtures.CatalogueJson(modTwo, z2: false))).Scheme.Ring.Should().Be(Ring.Z);
    }

    [Fact]
    public void Fractions_are_refused_mod_2_and_real_coefficients_always()
    {
        var thirds = Write("q.json", CatalogueFixtures.CatalogueJson(CatalogueFixtures.StrassenThirds()));
        OrbitFiles.Read(thirds).Scheme.Ring.Should().Be(Ring.Z, "fractions are exact over Q");
        var modTwo = () => OrbitFiles.Read(thirds, Ring.F2);
        modTwo.Should().Throw<SchemeFormatException>().WithMessage("q.json: fractions have no meaning modulo 2");
        var real = Json(KnownSchemes.Strassen().Map(x => x + 0.1), "real.json");
        var act = () => OrbitFiles.Read(real);
        act.Should().Throw<SchemeFormatException>().WithMessage("real.json: real (non-exact) coefficients*");
    }

    [Fact]
    public void Equivalent_decides_two_files_of_one_shape_and_ring()
    {
        var report = OrbitFiles.Equivalent(Json(KnownSchemes.Strassen(), "a.json"), Json(KnownSchemes.Winograd(), "b.json"));
        report.Result.Verdict.Should().Be(EquivalenceVerdict.Equivalent);
        report.A.Path.Should().EndWith("a.json");
        report.B.Path.Should().EndWith("b.json");
    }

    [Fact]
    public void Equivalent_refuses_other_shapes_and_other_rings()
    {
        var strassen = Json(KnownSchemes.Strassen(), "a.json");
        var shapes = () => OrbitFiles.Equivalent(strassen, Json(KnownSchemes.Naive(new Shape(2, 2, 3)), "b.json"));
        shapes.Should().Throw<SchemeFormatException>().WithMessage("the shapes differ (*");
        var modTwo = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x) % 2));
        var rings = () => OrbitFiles.Equivalent(strassen, Write("z2.json", CatalogueFixtures.CatalogueJson(modTwo, z2: true)));
        rings.Should().Throw<SchemeFormatException>().WithMessage("the rings differ (*");
    }

    [Fact]
    public void Classify_lists_unreadable_files_and_classes_the_rest()
    {
        var bad = Write("bad.json", "{");
        var report = OrbitFiles.Classify([Json(KnownSchemes.Strassen(), "a.json"), bad, Json(KnownSchemes.Winograd(), "b.json"),
            Json(KnownSchemes.Naive(Shape.Square2), "c.json")]);
        report.Files.Should().HaveCount(3);
        report.Unreadable.Should().ContainSingle().Which.Path.Should().Be(bad);
        report.Classes.Select(c => c.Members.Count).Should().Equal(2, 1);
        var missing = OrbitFiles.Classify([Path.Combine(TempFolder.Create("orbit-files"), "none.json")]);
        missing.Unreadable.Should().ContainSingle();
        missing.Classes.Should().BeEmpty();
    }
}
