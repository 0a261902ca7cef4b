using System.Text.Json;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class TrainCommandTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"strassen-repro-train-{Guid.NewGuid():N}");

    [Fact]
    public void Train_prints_the_verify_record_and_the_same_command_twice_prints_the_same_bytes()
    {
        var dir = TempDir();
        string[] args = ["train", "--seed", "3", "--batch-size", "32", "--steps", "300", "--out", dir, "--json"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        first.ExitCode.Should().BeOneOf([0, 1], first.StdErr);
        second.StdOut.Should().Be(first.StdOut);
        second.ExitCode.Should().Be(first.ExitCode);

        using var doc = JsonDocument.Parse(first.StdOut);
        var root = doc.RootElement;
        root.GetProperty("outcome").GetString().Should().BeOneOf("discrete", "continuous", "unconverged");
        root.GetProperty("slots").GetInt32().Should().Be(8);
        var training = root.GetProperty("training");
        training.GetProperty("steps").GetInt64().Should().Be(300 + 2000 + 10000);
        training.GetProperty("configHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");

        // The checkpoint is our scheme format and reads back with its metadata.
        var path = root.GetProperty("path").GetString()!;
        var (scheme, metadata) = SchemeJson.Read(File.ReadAllBytes(path), path);
        scheme.Rank.Should().Be(8);
        metadata!["configHash"]!.GetValue<string>().Should().Be(training.GetProperty("configHash").GetString());
        metadata["configuration"]!["phase1Epochs"]!.GetValue<int>().Should().Be(300);
    }

    [Fact]
    public void Set_changes_any_field_after_the_named_options_and_print_config_trains_nothing()
    {
        var dir = TempDir();
        var result = CliRunner.Run("train", "--protocol", "paper", "--seed", "4", "--batch-size", "64", "--lr", "0.5",
            "--set", "lr=0.125", "--set", "kappaSteps=10,20", "--set", "clipNorm=null", "--out", dir, "--print-config");
        result.ExitCode.Should().Be(0, result.StdErr);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var config = StrassenRepro.Model.RunConfig.FromJson(lines[0]);
        (config.Protocol, config.Lr, config.ClipNorm, config.Data).Should().Be(("paper", 0.125, (double?)null, "fixed:1000"));
        config.KappaSteps.Should().Equal(10, 20);
        lines[^1].Should().Be(config.Hash());
        Directory.Exists(dir).Should().BeFalse("nothing was trained");
    }

    [Theory]
    [InlineData("learningRate=0.1", "'learningRate' is not a run setting")]
    [InlineData("slots=0", "slots must be in 1..64")]
    [InlineData("prune", "expected key=value")]
    public void A_bad_set_is_a_usage_error_in_one_line(string setting, string message)
    {
        var result = CliRunner.Run("train", "--seed", "1", "--batch-size", "8", "--set", setting, "--print-config");
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain(message).And.NotContain("   at ");
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void Phase1_only_verifies_all_eight_slots()
    {
        var result = CliRunner.Run("train", "--seed", "3", "--batch-size", "32", "--steps", "200", "--phase1-only", "--kappa-steps", "100,200", "--out", TempDir(), "--json");
        result.ExitCode.Should().BeOneOf([0, 1], result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("keptSlots").GetInt32().Should().Be(8);
        var training = doc.RootElement.GetProperty("training");
        training.GetProperty("prunedSlots").GetArrayLength().Should().Be(0);
        var kappas = training.GetProperty("kappas");
        kappas.GetArrayLength().Should().Be(2);
        kappas[0].GetProperty("kappaPlain").GetString().Should().Be("Infinity", "32 samples for 96 parameters: singular");
        kappas[0].GetProperty("samples").GetInt32().Should().Be(32);
    }

    [Fact]
    public void A_run_that_diverges_is_a_verified_failure_with_outcome_diverged_and_no_stack_trace()
    {
        var result = CliRunner.Run("train", "--seed", "1", "--batch-size", "32", "--steps", "100", "--lr", "1e30", "--out", TempDir(), "--json");
        result.ExitCode.Should().Be(1, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("outcome").GetString().Should().Be("diverged");
        result.StdErr.Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("--batch-size", "0")]
    [InlineData("--data", "fixed:0")]
    [InlineData("--lr", "-1")]
    [InlineData("--preset", "nonsense")]
    public void Bad_options_end_in_one_line_and_exit_code_2(string option, string value)
    {
        var args = new List<string> { "train", "--seed", "1", "--batch-size", "32", "--out", TempDir() };
        int at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        var result = CliRunner.Run([.. args]);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle();
        result.StdErr.Should().NotContain("   at ");
    }

    [Fact]
    public void Bench_train_throughput_reports_population_and_single_run_rates_and_their_ratio()
    {
        var result = CliRunner.Run("bench", "train-throughput", "--population", "8", "--steps", "20", "--threads", "1", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("runStepsPerSecond").GetDouble().Should().BePositive();
        root.GetProperty("singleRunStepsPerSecond").GetDouble().Should().BePositive();
        root.GetProperty("ratio").GetDouble().Should().BeApproximately(
            root.GetProperty("runStepsPerSecond").GetDouble() / root.GetProperty("singleRunStepsPerSecond").GetDouble(), 1e-9);
        // At <2,2,2;8> the cpu engine also times its general path (any shape) in the same run.
        root.GetProperty("specialisedOverGeneralPath").GetDouble().Should().BeApproximately(
            root.GetProperty("runStepsPerCpuSecond").GetDouble() / root.GetProperty("generalPathRunStepsPerCpuSecond").GetDouble(), 1e-9);
    }

    [Fact]
    public void Bench_train_throughput_of_another_shape_has_no_general_path_row()
    {
        var result = CliRunner.Run("bench", "train-throughput", "--shape", "2,2,3", "--slots", "11", "--population", "4", "--steps", "10", "--threads", "1", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("slots").GetInt32().Should().Be(11);
        doc.RootElement.GetProperty("generalPathRunStepsPerCpuSecond").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
