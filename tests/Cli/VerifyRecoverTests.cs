using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class VerifyRecoverTests
{
    /// <summary>Strassen in a random real basis: Q fails, the un-rounded slots are exact (outcome continuous).</summary>
    private static string ContinuousStrassenFile(ulong seed, double maxCondition = 10, double noise = 0) =>
        CliRunner.TempFile(".json", SchemeJson.Write(RandomOrbit.Move(KnownSchemes.Strassen(), seed, maxCondition, noise)));

    [Fact]
    public void Verify_recover_turns_a_continuous_rank_7_scheme_into_an_exact_integer_scheme_with_exit_code_0()
    {
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 21), "--recover", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("outcome").GetString().Should().Be("continuous");
        root.GetProperty("sTheta").GetInt32().Should().Be(0);
        root.GetProperty("outcomeAfterRecovery").GetString().Should().Be("discrete");
        var recovery = root.GetProperty("recovery");
        recovery.GetProperty("attempted").GetBoolean().Should().BeTrue();
        recovery.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        recovery.GetProperty("canonicalStrassen").GetBoolean().Should().BeTrue();
        recovery.GetProperty("p").GetArrayLength().Should().Be(2);
        recovery.GetProperty("reason").ValueKind.Should().Be(JsonValueKind.Null);
        var (recovered, _) = SchemeJson.Read(JsonSerializer.SerializeToUtf8Bytes(recovery.GetProperty("scheme")), "recovery.scheme");
        BrentCheck.Exact(recovered).IsValid.Should().BeTrue();
    }

    [Fact]
    public void After_a_successful_recovery_the_last_line_the_json_verdict_and_the_exit_code_agree()
    {
        var file = ContinuousStrassenFile(seed: 25);
        var text = CliRunner.Run("verify", file, "--recover");
        text.ExitCode.Should().Be(0, text.StdErr);
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID after recovery");
        var json = CliRunner.Run("verify", file, "--recover", "--json");
        json.ExitCode.Should().Be(0, json.StdErr);
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse("the input itself is not an exact scheme");
        doc.RootElement.GetProperty("verdict").GetString().Should().Be("VALID after recovery");
    }

    [Fact]
    public void Without_a_successful_recovery_the_last_line_says_NOT_VALID_with_exit_code_1()
    {
        var text = CliRunner.Run("verify", ContinuousStrassenFile(seed: 26));
        text.ExitCode.Should().Be(1);
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be("NOT VALID");
    }

    [Fact]
    public void Verify_recover_recovers_a_continuous_scheme_whose_Brent_residual_is_just_below_1e_3()
    {
        // Off the variety, not only off the lattice: noise on every coefficient.
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 3, maxCondition: 3, noise: 6e-5), "--recover", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("brentMaxResidual").GetDouble().Should().BeInRange(1e-4, 1e-3);
        root.GetProperty("outcome").GetString().Should().Be("continuous");
        root.GetProperty("outcomeAfterRecovery").GetString().Should().Be("discrete");
        root.GetProperty("recovery").GetProperty("succeeded").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Verify_recover_also_recovers_an_unconverged_scheme_whose_Brent_residual_is_a_few_1e_3()
    {
        // Above the default tolerance (1e-3) the outcome is "unconverged"; recovery is still tried up to residual 0.05.
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 3, maxCondition: 3, noise: 2e-4), "--recover", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("brentMaxResidual").GetDouble().Should().BeInRange(1e-3, 1e-2);
        root.GetProperty("outcome").GetString().Should().Be("unconverged");
        root.GetProperty("outcomeAfterRecovery").GetString().Should().Be("discrete");
        root.GetProperty("recovery").GetProperty("succeeded").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Verify_recover_does_not_attempt_an_unconverged_scheme_with_a_large_residual()
    {
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 3, maxCondition: 3, noise: 0.2), "--recover", "--json");
        result.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("brentMaxResidual").GetDouble().Should().BeGreaterThan(0.05);
        root.GetProperty("outcome").GetString().Should().Be("unconverged");
        root.GetProperty("recovery").GetProperty("attempted").GetBoolean().Should().BeFalse();
        root.GetProperty("recovery").GetProperty("reason").GetString().Should().StartWith("unconverged");
        root.GetProperty("outcomeAfterRecovery").GetString().Should().Be("unconverged");
    }

    [Fact]
    public void Verify_recover_out_writes_the_recovered_scheme_which_verify_then_accepts()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.json");
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 22), "--recover", "--out", outPath);
        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("recovery        succeeded");
        File.Exists(outPath).Should().BeTrue();
        var (written, metadata) = SchemeJson.Read(File.ReadAllBytes(outPath), outPath);
        BrentCheck.Exact(written).IsValid.Should().BeTrue();
        metadata!["obtainedBy"]!.GetValue<string>().Should().Be("lattice recovery");

        var again = CliRunner.Run("verify", outPath, "--json");
        again.ExitCode.Should().Be(0, again.StdErr);
        using var doc = JsonDocument.Parse(again.StdOut);
        doc.RootElement.GetProperty("outcome").GetString().Should().Be("discrete");
    }

    [Fact]
    public void Without_recover_a_continuous_scheme_still_fails_with_exit_code_1_and_out_writes_nothing()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.json");
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 23), "--json", "--out", outPath);
        result.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.TryGetProperty("recovery", out _).Should().BeFalse();
        File.Exists(outPath).Should().BeFalse();
        result.StdErr.Should().Contain("not written");
    }

    [Fact]
    public void Out_writes_a_directly_valid_scheme_without_recovery()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.json");
        var noisy = KnownSchemes.Strassen().Map(x => x + 0.01);
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", SchemeJson.Write(noisy)), "--out", outPath);
        result.ExitCode.Should().Be(0, result.StdErr);
        var (written, metadata) = SchemeJson.Read(File.ReadAllBytes(outPath), outPath);
        CanonicalForm.IsStrassen(written).Should().BeTrue();
        metadata!["obtainedBy"]!.GetValue<string>().Should().Be("rounding (Q)");
    }

    [Fact]
    public void Verify_recover_on_a_near_miss_in_a_random_basis_fails_with_exit_code_1_and_a_reason()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1;
        var nearMiss = RandomOrbit.Move(Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows()), seed: 4, maxCondition: 10);
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", SchemeJson.Write(nearMiss)), "--recover", "--json", "--tolerance", "1e9");
        result.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(result.StdOut);
        var recovery = doc.RootElement.GetProperty("recovery");
        recovery.GetProperty("attempted").GetBoolean().Should().BeTrue();
        recovery.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        recovery.GetProperty("scheme").ValueKind.Should().Be(JsonValueKind.Null);
        recovery.GetProperty("reason").GetString().Should().NotBeNullOrEmpty();
        doc.RootElement.GetProperty("outcomeAfterRecovery").GetString().Should().Be("continuous");
    }

    [Fact]
    public void Verify_recover_on_another_shape_says_recovery_is_only_implemented_for_2x2_rank_7()
    {
        var naive = SchemeSymmetry.ScaleSlot(KnownSchemes.Naive(new Shape(3, 3, 3)), 0, 0.4, 1); // Q sends 0.4 to 0: continuous
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", SchemeJson.Write(naive)), "--recover", "--json", "--sizes", "3");
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("outcome").GetString().Should().Be("continuous");
        var recovery = doc.RootElement.GetProperty("recovery");
        recovery.GetProperty("attempted").GetBoolean().Should().BeFalse();
        recovery.GetProperty("reason").GetString().Should().Be("recovery is only implemented for 2x2 rank 7");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Out_into_a_missing_folder_is_bad_input_with_one_line_and_exit_code_2()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "x.json");
        var result = CliRunner.Run("verify", ContinuousStrassenFile(seed: 24), "--recover", "--out", outPath);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
        result.StdOut.Should().BeEmpty();
    }
}
