using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class FileVerificationTests
{
    private static string WriteScheme(Scheme s)
    {
        var path = System.IO.Path.Combine(TempFolder.Create("file-verification"), "scheme.json");
        File.WriteAllText(path, SchemeJson.Write(s));
        return path;
    }

    private static string WriteText(string text)
    {
        var path = System.IO.Path.Combine(TempFolder.Create("file-verification"), "scheme.json");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Strassen in a real basis (P, Q, R of examples/strassen-other-basis.json): continuous, recoverable.</summary>
    private static Scheme OtherBasis() => SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(),
        new[,] { { 1.3, 0.2 }, { -0.4, 0.9 } }, new[,] { { 0.8, -0.3 }, { 0.5, 1.1 } }, new[,] { { 1, 0.6 }, { 0.2, 1.2 } });

    private static string ObtainedBy(string json) => JsonNode.Parse(json)!["metadata"]!["obtainedBy"]!.GetValue<string>();

    [Fact]
    public void A_file_is_read_and_judged_with_its_layout_and_the_transfer_sizes_of_its_shape()
    {
        var (source, report) = FileVerification.Verify(new FileVerificationRequest(WriteScheme(KnownSchemes.Strassen()))
        {
            TransferSizes = [4, 8],
        });
        source.Scheme.Rank.Should().Be(7);
        report.Valid.Should().BeTrue();
        report.Format.Should().Be("json");
        report.Layout.Should().Be(source.Layout);
        report.LayoutChoice.Should().Be(source.LayoutChoice);
        report.Transfer.Select(t => t.N).Should().Equal(4, 8);
        report.Recovery.Should().BeNull();
        report.OutcomeAfterRecovery.Should().BeNull();
    }

    [Fact]
    public void Recovery_runs_only_when_asked_and_finds_Strassen_behind_a_real_basis()
    {
        var path = WriteScheme(OtherBasis());
        FileVerification.Verify(new FileVerificationRequest(path)).Report.Recovery.Should().BeNull();

        var report = FileVerification.Verify(new FileVerificationRequest(path) { Recover = true }).Report;
        report.Outcome.Should().Be(Outcome.Continuous);
        report.Recovery!.Succeeded.Should().BeTrue();
        report.OutcomeAfterRecovery.Should().Be(Outcome.Discrete);
        report.Verdict.Should().Be("VALID after recovery");
    }

    [Fact]
    public void The_obtained_scheme_is_the_input_as_given_Q_of_it_recovered_or_its_exact_fractions()
    {
        var asGiven = FileVerification.Verify(new FileVerificationRequest(WriteScheme(KnownSchemes.Strassen())));
        var asGivenJson = ObtainedSchemeFile.Json(asGiven)!;
        ObtainedBy(asGivenJson).Should().Be("as given (integers)");
        // The file names the input it was obtained from.
        JsonNode.Parse(asGivenJson)!["metadata"]!["source"]!.GetValue<string>().Should().Be(asGiven.Report.Path).And.NotBeEmpty();

        var nearMiss = KnownSchemes.Strassen().UFlat.ToArray().Select(c => c + 0.01).ToArray();
        var s = KnownSchemes.Strassen();
        var rounded = FileVerification.Verify(new FileVerificationRequest(
            WriteScheme(new Scheme(s.Shape, s.Rank, nearMiss, s.VFlat.ToArray(), s.WFlat.ToArray()))));
        var roundedJson = ObtainedSchemeFile.Json(rounded)!;
        ObtainedBy(roundedJson).Should().Be("rounding (Q)");
        SchemeReader.Read(WriteText(roundedJson)).Scheme.UFlat.ToArray().Should().Equal(s.UFlat.ToArray());

        var recovered = FileVerification.Verify(new FileVerificationRequest(WriteScheme(OtherBasis())) { Recover = true });
        var recoveredJson = ObtainedSchemeFile.Json(recovered)!;
        ObtainedBy(recoveredJson).Should().Be("lattice recovery");
        BrentCheck.IsValid(SchemeReader.Read(WriteText(recoveredJson)).Scheme).Should().BeTrue();

        var halves = FileVerification.Verify(new FileVerificationRequest(WriteScheme(SchemeSymmetry.ScaleSlot(s, 0, 0.5, 1))));
        ObtainedBy(ObtainedSchemeFile.Json(halves)!).Should().Be("as given (exact fractions, checked over Q)");
    }

    [Fact]
    public void Nothing_is_written_when_no_exact_scheme_was_obtained()
    {
        var verified = FileVerification.Verify(new FileVerificationRequest(WriteScheme(OtherBasis())));
        var target = System.IO.Path.Combine(TempFolder.Create("file-verification"), "out.json");
        ObtainedSchemeFile.Json(verified).Should().BeNull();
        ObtainedSchemeFile.Write(target, verified).Should().BeFalse();
        File.Exists(target).Should().BeFalse();

        var valid = FileVerification.Verify(new FileVerificationRequest(WriteScheme(KnownSchemes.Strassen())));
        ObtainedSchemeFile.Write(target, valid).Should().BeTrue();
        BrentCheck.IsValid(SchemeReader.Read(target).Scheme).Should().BeTrue();
    }

    [Fact]
    public void A_verdict_modulo_2_still_writes_a_scheme_exact_over_Z()
    {
        // Strassen with one coefficient moved by 2 is valid mod 2 only: the file must not hold it as obtained.
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        u[0] += 2;
        var path = WriteScheme(new Scheme(s.Shape, s.Rank, u, s.VFlat.ToArray(), s.WFlat.ToArray()));
        var modTwo = FileVerification.Verify(new FileVerificationRequest(path)
        {
            Options = VerificationOptions.Default with { Ring = Ring.F2 },
        });
        modTwo.Report.Valid.Should().BeTrue();
        ObtainedSchemeFile.Json(modTwo).Should().BeNull();
    }
}
