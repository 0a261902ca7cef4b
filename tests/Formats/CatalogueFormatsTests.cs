using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>The field's catalogue formats: catalogue JSON, plinopt .sms triples, flips .exp (docs/formats.md).</summary>
[Trait("Category", "Fast")]
public class CatalogueFormatsTests
{
    private static readonly Shape Rect = new(2, 3, 4);

    private static string Write(string fileName, string text)
    {
        var path = Path.Combine(TempFolder.Create("catalogue"), fileName);
        File.WriteAllText(path, text);
        return path;
    }

    private static VerificationReport Verify(string path) =>
        FileVerification.Verify(new FileVerificationRequest(path) { TransferSizes = [] }).Report;

    private static Action Reading(string path) => () => SchemeReader.Read(path);

    // ---- catalogue JSON ----

    [Fact]
    public void Catalogue_json_of_a_rectangular_scheme_reads_back_the_same_coefficients()
    {
        var naive = KnownSchemes.Naive(Rect);
        var source = SchemeReader.Read(Write("naive.json", CatalogueFixtures.CatalogueJson(CatalogueFixtures.Exact(naive))));
        source.Format.Should().Be("catalogue-json");
        source.Ring.Should().Be(Ring.Z);
        source.Scheme.CoefficientsEqual(naive).Should().BeTrue("w[r][k*n + i] is C[i,k]: transposed back into W");
        Verify(source.Path).Verdict.Should().Be("VALID");
    }

    [Fact]
    public void Catalogue_json_without_z2_declares_no_ring()
    {
        var text = CatalogueFixtures.CatalogueJson(CatalogueFixtures.Exact(KnownSchemes.Strassen()), z2: null);
        SchemeReader.Read(Write("s.json", text)).Ring.Should().BeNull();
    }

    [Fact]
    public void Catalogue_json_marked_z2_is_checked_over_F2()
    {
        var modTwo = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x) % 2));
        var valid = Verify(Write("z2.json", CatalogueFixtures.CatalogueJson(modTwo, z2: true)));
        valid.Ring.Should().Be("F2");
        valid.Verdict.Should().Be("VALID mod 2");
        Verify(Write("z.json", CatalogueFixtures.CatalogueJson(modTwo, z2: false))).Verdict.Should().Be("NOT VALID");
    }

    [Fact]
    public void A_ring_the_caller_names_stands_over_the_files_z2()
    {
        var modTwo = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x) % 2));
        var path = Write("z2.json", CatalogueFixtures.CatalogueJson(modTwo, z2: true));
        var overZ = FileVerification.Verify(new FileVerificationRequest(path)
        { TransferSizes = [], RingFromFile = false, Options = VerificationOptions.Default with { Ring = Ring.Z } }).Report;
        overZ.Ring.Should().Be("Z");
        overZ.Verdict.Should().Be("NOT VALID", "Strassen's table mod 2 is not a scheme over Z");
        var overF2 = FileVerification.Verify(new FileVerificationRequest(path)
        { TransferSizes = [], RingFromFile = false, Options = VerificationOptions.Default with { Ring = Ring.F2 } }).Report;
        overF2.Verdict.Should().Be("VALID mod 2");
    }

    [Fact]
    public void Catalogue_json_fractions_are_exact()
    {
        var report = Verify(Write("q.json", CatalogueFixtures.CatalogueJson(CatalogueFixtures.StrassenThirds())));
        report.ExactArithmetic.Should().Be("rational");
        report.Verdict.Should().Be("VALID");
    }

    [Theory]
    [InlineData("\"m\": 7,", "\"m\": 8,", "'u' has 7 rows, but 'm' says 8")]
    [InlineData("\"m\": 7,", "\"m\": 0,", "'m' (the rank) must be an integer in 1..10000")]
    [InlineData("\"m\": 7,", "\"m\": \"7\",", "'m' (the rank) must be an integer*")]
    [InlineData("\"z2\": false", "\"z2\": 0", "'z2' must be true or false")]
    [InlineData("\"n\": [2, 2, 2]", "\"n\": [2, 2]", "'n' must be three integers [n, m, p]")]
    [InlineData("\"n\": [2, 2, 2]", "\"n\": [2, 2, 65]", "'n' must be three integers [n, m, p]")]
    [InlineData("\"n\": [2, 2, 2]", "\"n\": [2, 2, 3]", "'v[0]' has 4 entries, expected 6")]
    [InlineData("\"u\": [\n    [1, 0, 0, 1]", "\"u\": [\n    [1, 0, 0]", "'u[0]' has 3 entries, expected 4")]
    [InlineData("\"u\": [\n    [1, 0, 0, 1]", "\"u\": [\n    [{\"index\": 0, \"value\": 1}]", "an addition-reduced file*")]
    [InlineData("\"u\": [\n    [1, 0, 0, 1]", "\"u\": [\n    [1, 0, 0, \"x\"]", "'u[0]' entry 3 is not a number or a fraction*")]
    public void Malformed_catalogue_json_names_the_format_and_the_problem(string from, string to, string problem)
    {
        var text = CatalogueFixtures.CatalogueJson(CatalogueFixtures.Exact(KnownSchemes.Strassen()));
        text.Should().Contain(from);
        Reading(Write("bad.json", text.Replace(from, to))).Should().Throw<SchemeFormatException>()
            .WithMessage($"bad.json (catalogue JSON): {problem}");
    }

    [Fact]
    public void Catalogue_json_with_fresh_variables_is_refused_as_addition_reduced()
    {
        var text = CatalogueFixtures.CatalogueJson(CatalogueFixtures.Exact(KnownSchemes.Strassen()))
            .Replace("\"m\": 7,", "\"m\": 7, \"u_fresh\": [],");
        Reading(Write("r.json", text)).Should().Throw<SchemeFormatException>().WithMessage("*addition-reduced*");
    }

    [Fact]
    public void Our_json_is_still_read_as_ours()
    {
        var path = Write("ours.json", SchemeJson.Write(KnownSchemes.Strassen()));
        SchemeReader.Read(path).Format.Should().Be("json");
    }

    // ---- plinopt .sms ----

    [Theory]
    [InlineData("_L")]
    [InlineData("_R")]
    [InlineData("_P")]
    public void Any_file_of_an_sms_triple_reads_the_whole_scheme(string which)
    {
        var folder = TempFolder.Create("sms");
        var naive = KnownSchemes.Naive(Rect);
        CatalogueFixtures.Sms(CatalogueFixtures.Exact(naive), folder, "2x3x4_24");
        var source = SchemeReader.Read(Path.Combine(folder, $"2x3x4_24{which}.sms"));
        source.Format.Should().Be("plinopt-sms");
        source.Scheme.Shape.Should().Be(Rect, "the shape follows from the sizes 6, 12, 8");
        source.Scheme.CoefficientsEqual(naive).Should().BeTrue();
    }

    [Fact]
    public void Sms_fractions_are_exact_and_valid()
    {
        var path = CatalogueFixtures.Sms(CatalogueFixtures.StrassenThirds(), TempFolder.Create("sms"));
        var report = Verify(path);
        report.ExactArithmetic.Should().Be("rational");
        report.Verdict.Should().Be("VALID");
    }

    private static string SmsWith(string role, string text)
    {
        var folder = TempFolder.Create("sms");
        var path = CatalogueFixtures.Sms(CatalogueFixtures.Exact(KnownSchemes.Strassen()), folder, "s");
        File.WriteAllText(Path.Combine(folder, $"s{role}.sms"), text);
        return path;
    }

    [Theory]
    [InlineData("7 4 R\n1 1 1\n", "s_R.sms (plinopt .sms): no closing '0 0 0' line (truncated?)")]
    [InlineData("# nothing\n", "s_R.sms (plinopt .sms): empty (expected a header 'rows cols TYPE')")]
    [InlineData("7 x R\n0 0 0\n", "s_R.sms (plinopt .sms): line 1: expected a header 'rows cols TYPE' (sides 1..65536)")]
    [InlineData("0 4 R\n0 0 0\n", "s_R.sms (plinopt .sms): line 1: expected a header*")]
    [InlineData("7 4 R\n8 1 1\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: entry (8, 1) is outside 7 x 4")]
    [InlineData("7 4 R\n1 5 1\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: entry (1, 5) is outside 7 x 4")]
    [InlineData("7 4 R\n0 1 1\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: entry (0, 1) is outside 7 x 4")]
    [InlineData("7 4 R\n1 1 1\n1 1 2\n0 0 0\n", "s_R.sms (plinopt .sms): line 3: entry (1, 1) is given twice")]
    [InlineData("7 4 R\n1 1 x\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: 'x' is not an integer or a fraction p/q")]
    [InlineData("7 4 R\n1 -1 1\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: '-1' is not an index")]
    [InlineData("7 4 R\n1 1\n0 0 0\n", "s_R.sms (plinopt .sms): line 2: expected 'i j value'")]
    [InlineData("7 4 R\n0 0 0\n1 1 1\n", "s_R.sms (plinopt .sms): line 3: text after the closing '0 0 0'")]
    [InlineData("6 4 R\n0 0 0\n", "s_L.sms (plinopt .sms): the ranks disagree (_L has 7 rows, _R 6 rows, _P 7 columns)")]
    [InlineData("7 5 R\n0 0 0\n", "s_L.sms (plinopt .sms): sizes n*m = 4, m*p = 5, n*p = 4 fit no shape <n,m,p>")]
    public void Malformed_sms_names_the_format_the_file_and_the_problem(string rFile, string message)
    {
        Reading(SmsWith("_R", rFile)).Should().Throw<SchemeFormatException>().WithMessage(message);
    }

    [Fact]
    public void An_sms_file_without_its_siblings_says_they_are_missing()
    {
        var folder = TempFolder.Create("sms");
        var path = CatalogueFixtures.Sms(CatalogueFixtures.Exact(KnownSchemes.Strassen()), folder, "s");
        File.Delete(Path.Combine(folder, "s_P.sms"));
        Reading(path).Should().Throw<SchemeFormatException>()
            .WithMessage("s_P.sms (plinopt .sms): missing (an .sms scheme is three files: NAME_L, NAME_R, NAME_P)");
    }

    [Theory]
    [InlineData("scheme.sms")]
    [InlineData("s_Q.sms")]
    [InlineData("_L.sms")]
    public void An_sms_name_outside_a_triple_is_refused(string fileName)
    {
        Reading(Write(fileName, "1 1 R\n0 0 0\n")).Should().Throw<SchemeFormatException>()
            .WithMessage($"{fileName} (plinopt .sms): the file name must end _L.sms, _R.sms or _P.sms*");
    }

    [Fact]
    public void Sms_that_is_not_utf8_is_refused()
    {
        var folder = TempFolder.Create("sms");
        var path = CatalogueFixtures.Sms(CatalogueFixtures.Exact(KnownSchemes.Strassen()), folder, "s");
        File.WriteAllBytes(Path.Combine(folder, "s_R.sms"), [0x31, 0xff, 0x31]);
        Reading(path).Should().Throw<SchemeFormatException>().WithMessage("s_R.sms (plinopt .sms): not valid UTF-8 text");
    }

    [Fact]
    public void Sms_read_from_a_stream_alone_is_refused()
    {
        var act = () => SchemeReader.Read(new MemoryStream([]), "s_L.sms");
        act.Should().Throw<SchemeFormatException>().WithMessage("*read from its three files on disk");
    }

    // ---- flips .exp ----

    [Fact]
    public void Exp_of_a_rectangular_scheme_reads_back_the_same_coefficients_with_c_in_trace_form()
    {
        var naive = KnownSchemes.Naive(Rect);
        var source = SchemeReader.Read(Write("naive.exp", CatalogueFixtures.Exp(CatalogueFixtures.Exact(naive))));
        source.Format.Should().Be("flips-exp");
        source.Ring.Should().BeNull();
        source.Scheme.Shape.Should().Be(Rect, "from the largest indices");
        source.Scheme.CoefficientsEqual(naive).Should().BeTrue();
    }

    [Fact]
    public void Exp_with_mod2_in_its_name_is_checked_over_F2()
    {
        var modTwo = CatalogueFixtures.Exact(KnownSchemes.Strassen().Map(x => Math.Abs(x) % 2));
        var report = Verify(Write("222-07-mod2.exp", CatalogueFixtures.Exp(modTwo)));
        report.Ring.Should().Be("F2");
        report.Verdict.Should().Be("VALID mod 2");
        Verify(Write("222-07-mod0.exp", CatalogueFixtures.Exp(modTwo))).Verdict.Should().Be("NOT VALID");
    }

    [Fact]
    public void Exp_fractions_are_exact()
    {
        var report = Verify(Write("s.exp", CatalogueFixtures.Exp(CatalogueFixtures.StrassenThirds())));
        report.ExactArithmetic.Should().Be("rational");
        report.Verdict.Should().Be("VALID");
    }

    [Theory]
    [InlineData("333-23-mod0.exp")]
    [InlineData("x-333m23_lifted.exp")]
    [InlineData("333r23.exp")]
    public void The_shape_of_an_exp_file_comes_from_its_name_when_it_gives_one(string fileName)
    {
        SchemeReader.Read(Write(fileName, "a11*b11*c11\n")).Scheme.Shape.Should().Be(new Shape(3, 3, 3));
    }

    [Theory]
    [InlineData("(a11+a22)*(b11+b22)*(c11+c22)", 1)]
    [InlineData("(a11 + a22) (b11 + b22) (c11 + c22)", 1)]
    [InlineData("((a11+a22)*(b11+b22)*(c11+c22))", 1)]
    [InlineData("-(-a11-a22)*(b11+b22)*(c11+c22)", 1)]
    [InlineData("-((a11+a22)*(b11+b22)*(c11+c22))", -1)]
    [InlineData("(1*a11+a22)*(b11+b22)*(c11+c22) # a comment", 1)]
    [InlineData("(2*a11-a11+a22)*(b11+b22)*(c11+c22)", 1)]
    [InlineData("-(-a11-a22)*-(-b11-b22)*+(c11+c22)", 1)]
    public void Exp_lines_are_read_in_the_forms_the_field_writes(string line, int sign)
    {
        var s = SchemeReader.Read(Write("222-01-mod0.exp", line + "\n\n")).Scheme;
        s.Rank.Should().Be(1);
        s.URow(0).ToArray().Should().Equal(sign, 0, 0, sign);
        s.VRow(0).ToArray().Should().Equal(1, 0, 0, 1);
        s.WColumn(0).Should().Equal(1, 0, 0, 1);
    }

    [Fact]
    public void A_bare_factor_may_carry_a_coefficient()
    {
        var s = SchemeReader.Read(Write("222-01-mod0.exp", "-1/2*a12*b21*(c12-3*c21)\n")).Scheme;
        s.URow(0).ToArray().Should().Equal(0, -0.5, 0, 0);
        s.VRow(0).ToArray().Should().Equal(0, 0, 1, 0);
        s.WColumn(0).Should().Equal(0, -3, 1, 0); // c12 is C[2,1] (trace form), c21 is C[1,2]
    }

    [Theory]
    [InlineData("(b11)*(b11)*(c11)", "line 1: 'b' where the factor of a's is (a's, then b's, then c's)")]
    [InlineData("(a11*(b11)*(c11)", "line 1: expected '+' or '-' before the next term of a's")]
    [InlineData("(a11)*(b11)*(c11", "line 1: the factor of c's has no closing ')'")]
    [InlineData("(a11)*(b11)*(c11))", "line 1: unexpected ')' after the third factor")]
    [InlineData("(a10)*(b11)*(c11)", "line 1: a variable aij needs two indices 1..9")]
    [InlineData("(a11)*(b11)*()", "line 1: the factor of c's is empty")]
    [InlineData("(a11)*(0*b11)*(c11)", "line 1: '0' is not a nonzero integer or fraction p/q")]
    [InlineData("(a11)*(b11)*(x11)", "line 1: expected a variable cij at 'x11)'")]
    [InlineData("a11*b11*c11\na11*b11", "line 2: expected a variable cij at ''")]
    [InlineData("a13*b11*c11", "indices reach <1,3,1>, outside the name's <2,2,2>")]
    [InlineData("# only a comment", "no products (expected one per line)")]
    public void Malformed_exp_names_the_format_the_line_and_the_problem(string text, string problem)
    {
        Reading(Write("222-01-mod0.exp", text)).Should().Throw<SchemeFormatException>()
            .WithMessage($"222-01-mod0.exp (flips .exp): {problem}");
    }

    [Fact]
    public void Exp_that_is_not_utf8_is_refused()
    {
        var path = Path.Combine(TempFolder.Create("exp"), "s.exp");
        File.WriteAllBytes(path, [0x28, 0xff, 0x29]);
        Reading(path).Should().Throw<SchemeFormatException>().WithMessage("s.exp (flips .exp): not valid UTF-8 text");
    }
}
