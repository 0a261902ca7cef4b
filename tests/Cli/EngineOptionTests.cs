using System.Numerics;
using System.Text.Json;
using StrassenRepro.Formats;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Tests.Cli;

/// <summary>--engine gpu and --device through the command line: the CPU-accelerator fallback, its notice, refusals, agreement.</summary>
[Trait("Category", "Fast")]
public class EngineOptionTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"strassen-repro-engine-{Guid.NewGuid():N}");

    private static bool CudaPresent => GpuDevice.Get(DevicePreference.Auto).Kind == "cuda";

    [Fact]
    public void Train_on_the_gpu_engine_records_its_device_and_matches_the_cpu_engine()
    {
        string[] common = ["train", "--seed", "4", "--batch-size", "32", "--steps", "60", "--phase1-only", "--json"];
        var gpu = CliRunner.Run([.. common, "--engine", "gpu", "--device", "cpu", "--out", TempDir()]);
        var cpu = CliRunner.Run([.. common, "--engine", "cpu", "--out", TempDir()]);
        gpu.ExitCode.Should().BeOneOf([0, 1], gpu.StdErr);
        using var g = JsonDocument.Parse(gpu.StdOut);
        using var c = JsonDocument.Parse(cpu.StdOut);
        g.RootElement.GetProperty("training").GetProperty("engine").GetString().Should().Be("gpu");
        var path = g.RootElement.GetProperty("path").GetString()!;
        var (gpuScheme, metadata) = SchemeJson.Read(File.ReadAllBytes(path), path);
        metadata!["engine"]!.GetValue<string>().Should().Be("gpu");
        metadata["device"]!["deviceKind"]!.GetValue<string>().Should().Be("cpu-accelerator");
        metadata["device"]!["driver"]!.GetValue<string>().Should().Be("none");
        var cpuPath = c.RootElement.GetProperty("path").GetString()!;
        var (cpuScheme, cpuMetadata) = SchemeJson.Read(File.ReadAllBytes(cpuPath), cpuPath);
        cpuMetadata!.ContainsKey("device").Should().BeFalse("cpu-engine checkpoints keep their old fields");
        if (Vector<float>.Count == 8) gpuScheme.Coefficients().Should().Equal(cpuScheme.Coefficients());
    }

    [Fact]
    public void Auto_says_in_one_line_when_it_falls_back_to_the_cpu_accelerator()
    {
        if (CudaPresent) return;
        var result = CliRunner.Run("train", "--seed", "4", "--batch-size", "8", "--steps", "5", "--phase1-only", "--engine", "gpu", "--out", TempDir());
        result.ExitCode.Should().BeOneOf([0, 1], result.StdErr);
        result.StdErr.Trim().Split('\n').Should().ContainSingle(l => l.Contains("note: no CUDA device found"));
    }

    [Fact]
    public void Asking_for_cuda_where_there_is_none_is_a_one_line_usage_error()
    {
        if (CudaPresent) return;
        var result = CliRunner.Run("bench", "train-throughput", "--engine", "gpu", "--device", "cuda", "--steps", "1");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().Contain("no CUDA device").And.NotContain("\n");
    }

    [Theory]
    [InlineData("train", "--seed", "1", "--batch-size", "8", "--engine", "cpu", "--device", "cuda")]
    [InlineData("bench", "train-throughput", "--engine", "torch", "--device", "cpu")]
    public void A_device_without_the_gpu_engine_is_refused(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain("applies to --engine gpu only");
    }

    [Fact]
    public void Bench_agreement_compares_trajectories_step_counts_and_outcomes()
    {
        var result = CliRunner.Run("bench", "agreement", "--engine", "gpu", "--device", "cpu", "--population", "3", "--steps", "5,1", "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var samples = doc.RootElement.GetProperty("trajectories").EnumerateArray().ToArray();
        samples.Select(s => s.GetProperty("steps").GetInt32()).Should().Equal(1, 5);
        if (Vector<float>.Count == 8)
            samples.Should().OnlyContain(s => s.GetProperty("identicalRuns").GetInt32() == 3 && s.GetProperty("maxAbsDifference").GetDouble() == 0);
        doc.RootElement.GetProperty("outcomes").ValueKind.Should().Be(JsonValueKind.Null);
        CliRunner.Run("bench", "agreement", "--steps", "0").ExitCode.Should().Be(2);
        CliRunner.Run("bench", "agreement", "--steps", "x").ExitCode.Should().Be(2);
    }
}
