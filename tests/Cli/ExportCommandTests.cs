using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class ExportCommandTests
{
    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    private static string TempOnnx() => Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.onnx");

    [Fact]
    public void Exporting_a_verified_checkpoint_at_size_64_writes_a_file_ONNX_Runtime_runs_with_parity()
    {
        string onnx = TempOnnx();
        try
        {
            var result = CliRunner.Run("export", Fixture("checkpoints", "trained_like_rank8_module_prefix_f32.pt"), "--onnx", onnx, "--size", "64", "--json");

            result.ExitCode.Should().Be(0, result.StdErr);
            using var doc = JsonDocument.Parse(result.StdOut);
            var root = doc.RootElement;
            root.GetProperty("keptSlots").GetInt32().Should().Be(7);
            root.GetProperty("coefficients").GetString().Should().Be("discretized");
            root.GetProperty("opset").GetInt32().Should().Be(17);
            root.GetProperty("scalarProducts").GetInt64().Should().Be(117_649);
            root.GetProperty("structuralProblems").GetArrayLength().Should().Be(0);
            root.GetProperty("fileBytes").GetInt64().Should().Be(new FileInfo(onnx).Length);
            var parity = root.GetProperty("parity");
            parity.GetProperty("pass").GetBoolean().Should().BeTrue();
            parity.GetProperty("maxRelVsNaive64").GetDouble().Should().BeLessThan(1e-4);
        }
        finally { File.Delete(onnx); }
    }

    [Fact]
    public void The_human_report_names_the_product_count_and_the_parity_in_a_real_process()
    {
        string onnx = TempOnnx();
        try
        {
            // A child process: ONNX Runtime's native library must load from the command's own output folder.
            var result = CliRunner.RunProcess("export", Fixture("numpy", "factorizations_r.npz"), "--key", "3,3,3", "--onnx", onnx, "--size", "9");

            result.ExitCode.Should().Be(0, result.StdErr);
            result.StdOut.Should().Contain("scalar products 729 per matrix").And.Contain("vs naive product (float64)").And.Contain("EXPORTED");
        }
        finally { File.Delete(onnx); }
    }

    [Fact]
    public void An_invalid_scheme_is_refused_with_exit_code_1_and_no_file()
    {
        string onnx = TempOnnx();

        var result = CliRunner.Run("export", Fixture("checkpoints", "near_miss_invalid_f32.pt"), "--onnx", onnx);

        result.ExitCode.Should().Be(1);
        result.StdOut.Should().Contain("NOT EXPORTED");
        result.StdErr.Should().Contain("--allow-invalid");
        File.Exists(onnx).Should().BeFalse();
    }

    [Fact]
    public void Allow_invalid_exports_the_kept_slots_and_says_it_is_not_a_matrix_product()
    {
        string onnx = TempOnnx();
        try
        {
            var result = CliRunner.Run("export", Fixture("checkpoints", "near_miss_invalid_f32.pt"), "--onnx", onnx, "--allow-invalid", "--json");

            result.ExitCode.Should().Be(0, result.StdErr);
            using var doc = JsonDocument.Parse(result.StdOut);
            doc.RootElement.GetProperty("coefficients").GetString().Should().Be("unrounded");
            doc.RootElement.GetProperty("message").GetString().Should().Contain("NOT");
            doc.RootElement.GetProperty("parity").GetProperty("maxRelVsNaive64").GetDouble().Should().BeGreaterThan(0.01);
            File.Exists(onnx).Should().BeTrue();
        }
        finally { File.Delete(onnx); }
    }

    [Theory]
    [InlineData("--size", "3")]
    [InlineData("--size", "0")]
    [InlineData("--rank", "0")]
    public void A_bad_option_is_one_line_with_exit_code_2(string option, string value)
    {
        var scheme = CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Strassen()));

        var result = CliRunner.Run("export", scheme, "--onnx", TempOnnx(), option, value);

        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle();
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void A_missing_file_is_bad_input_in_a_real_process()
    {
        var result = CliRunner.RunProcess("export", "/nonexistent/scheme.json", "--onnx", TempOnnx());

        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("no such file");
    }

    [Fact]
    public void A_malformed_scheme_is_bad_input()
    {
        var result = CliRunner.Run("export", CliRunner.TempFile(".json", "{ \"shape\": [2,2,2], \"U\": [[1,0"), "--onnx", TempOnnx());

        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Export_without_an_output_file_is_a_usage_error()
    {
        var result = CliRunner.Run("export", "scheme.json");

        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain("--onnx");
    }

    [Fact]
    public void A_rational_scheme_says_its_Brent_check_was_over_Q()
    {
        var thirds = Path.Combine(RepoPaths.Root, "examples", "strassen-thirds.json");

        var text = CliRunner.Run("export", thirds, "--onnx", TempOnnx());
        var json = CliRunner.Run("export", thirds, "--onnx", TempOnnx(), "--json");

        text.ExitCode.Should().Be(0, text.StdErr);
        text.StdOut.Should().Contain("  Brent (Q)       valid").And.NotContain("Brent (Z)");
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("exactArithmetic").GetString().Should().Be("rational");
        CliRunner.Run("export", Path.Combine(RepoPaths.Root, "examples", "strassen.json"), "--onnx", TempOnnx())
            .StdOut.Should().Contain("  Brent (Z)       valid");
    }

    [Theory]
    [InlineData("3", "not a power n^k (k >= 1) of 2")]
    [InlineData("512", "7^9 = 40353607 scalar products per matrix, over the export limit")]
    [InlineData("2048", "matrices with sides of 2048, over 1024")]
    public void A_size_out_of_range_states_the_sizes_the_scheme_takes(string size, string why)
    {
        var result = CliRunner.Run("export", Path.Combine(RepoPaths.Root, "examples", "strassen.json"),
            "--onnx", TempOnnx(), "--size", size);

        result.StdErr.Should().Be($"strassen-repro: --size {size}: {why}; this <2,2,2> scheme of rank 7 takes " +
            "2, 4, 8, 16, 32, 64, 128, 256 (n^k with k >= 1, every side of A, B, C at most 1024 and R^k at most " +
            "16777216 scalar products per matrix)\n");
        result.ExitCode.Should().Be(2);
    }

    [Fact]
    public void Help_states_the_range_of_size()
    {
        var help = string.Join(' ', CliRunner.Run("export", "--help").StdOut
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        help.Should().Contain("every side of A, B, C at most 1024 and R^k at most 16777216 scalar products per " +
                              "matrix (Strassen: 2, 4, 8, 16, 32, 64, 128, 256)");
    }
}
