namespace StrassenRepro.Tests.Cli;

/// <summary>`verify` on the field's catalogue formats: verdicts, exit codes, one row per .sms triple.</summary>
[Trait("Category", "Fast")]
public class VerifyCatalogueTests
{
    // Strassen in flips' trace form: (a's)*(b's)*(c's), c_ki the coefficient of C[i,k].
    private const string StrassenExp =
        "(a11+a22)*(b11+b22)*(c11+c22)\n(a21+a22)*b11*(c12-c22)\na11*(b12-b22)*(c21+c22)\n" +
        "a22*(b21-b11)*(c11+c12)\n(a11+a12)*b22*(c21-c11)\n(a21-a11)*(b11+b12)*c22\n(a12-a22)*(b21+b22)*c11\n";

    [Fact]
    public void Verify_reads_flips_exp_and_says_VALID()
    {
        var path = Path.Combine(TempFolder.Create("verify-exp"), "222-7-mod0.exp");
        File.WriteAllText(path, StrassenExp);
        var result = CliRunner.Run("verify", path, "--sizes", "2,4");
        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("(flips-exp, shape <2,2,2>, 7 slots");
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID");
    }

    [Fact]
    public void A_malformed_exp_file_is_one_line_and_exit_code_2()
    {
        var path = Path.Combine(TempFolder.Create("verify-exp"), "222-7-mod0.exp");
        File.WriteAllText(path, StrassenExp.Replace("c22\n(a12", "x22\n(a12"));
        var result = CliRunner.Run("verify", path);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().Be("strassen-repro: 222-7-mod0.exp (flips .exp): line 6: expected a variable cij at 'x22'");
    }

    [Fact]
    public void A_folder_with_an_sms_triple_verifies_it_once()
    {
        var folder = TempFolder.Create("verify-sms");
        // The naive <1,1,1> scheme: one product a11 b11 into c11.
        foreach (var role in new[] { "L", "R", "P" })
            File.WriteAllText(Path.Combine(folder, $"one_{role}.sms"), "1 1 R\n1 1 1\n0 0 0\n");
        var result = CliRunner.Run("verify", folder);
        result.ExitCode.Should().Be(0, result.StdErr);
        var rows = result.StdOut.Split("\n\n")[0].Split('\n');
        rows.Should().HaveCount(2, "a header and one row for the triple");
        rows[1].Should().StartWith(Path.Combine(folder, "one_L.sms") + "\tplinopt-sms");
    }
}
