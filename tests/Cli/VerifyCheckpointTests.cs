using System.IO.Compression;
using System.Text.Json;

namespace StrassenRepro.Tests.Cli;

/// <summary>`verify` on torch checkpoints, AlphaTensor files and folders of them, as a user runs it.</summary>
[Trait("Category", "Fast")]
public class VerifyCheckpointTests
{
    private static string Fixture(params string[] parts) => Path.Combine([RepoPaths.Root, "tests", "fixtures", .. parts]);

    private static void NoStackTrace(CliRunner.Result r)
    {
        r.StdErr.Should().NotContain("   at ").And.NotContain("Exception:");
        r.StdOut.Should().NotContain("   at ");
    }

    [Fact]
    public void A_folder_of_mixed_files_prints_one_json_row_per_file_and_exit_code_1_for_the_invalid_ones()
    {
        var result = CliRunner.Run("verify", Fixture("checkpoints"), "--json", "--sizes", "2,4");
        NoStackTrace(result);
        result.ExitCode.Should().Be(1, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        rows.Should().HaveCount(Directory.GetFiles(Fixture("checkpoints")).Length);
        var byFile = rows.ToDictionary(r => Path.GetFileName(r.GetProperty("path").GetString()!));
        byFile["strassen_top_level_f32.pt"].GetProperty("outcome").GetString().Should().Be("discrete");
        byFile["strassen_top_level_f32.pt"].GetProperty("layout").GetString().Should().Be("ffl-rrr");
        byFile["strassen_coefs_transposed_f64.pt"].GetProperty("canonicalStrassen").GetBoolean().Should().BeTrue();
        byFile["continuous_rescaled_f64.pt"].GetProperty("outcome").GetString().Should().Be("continuous");
        byFile["continuous_rescaled_f64.pt"].GetProperty("transferOf").GetString().Should().Be("unrounded");
        byFile["near_miss_invalid_f32.pt"].GetProperty("outcome").GetString().Should().Be("invalid");
        byFile["alphatensor_rect_223.npz"].GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 2, 3);
        byFile["strassen.json"].GetProperty("sTheta").GetInt32().Should().Be(1);
    }

    [Fact]
    public void A_folder_prints_a_table_row_per_file_without_json()
    {
        var result = CliRunner.Run("verify", Fixture("checkpoints"), "--sizes", "2");
        NoStackTrace(result);
        var lines = result.StdOut.Split("\n\n")[0].Split('\n');
        lines.Should().HaveCount(1 + Directory.GetFiles(Fixture("checkpoints")).Length, "a header and one row per file, then the table");
        lines.Should().Contain(l => l.Contains("continuous_rescaled_f64.pt") && l.Contains("continuous") && l.Contains("NOT VALID"));
    }

    [Fact]
    public void One_checkpoint_keeps_the_single_object_contract_and_reports_its_layout()
    {
        var result = CliRunner.Run("verify", Fixture("checkpoints", "strassen_colmajor_half_bf16.pt"), "--json", "--sizes", "2");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        doc.RootElement.GetProperty("layout").GetString().Should().Be("fff-ccc");
        doc.RootElement.GetProperty("layoutChoice").GetString().Should().StartWith("detected");
        doc.RootElement.GetProperty("format").GetString().Should().Be("pt");
    }

    [Theory]
    [InlineData("fff-ccc", 0)]
    [InlineData("ccc", 0)]
    [InlineData("fff-rrr", 1)]
    [InlineData("ffl-rrr", 2)]
    public void A_forced_layout_is_used_as_given(string layout, int exitCode)
    {
        var result = CliRunner.Run("verify", Fixture("checkpoints", "strassen_colmajor_half_bf16.pt"), "--layout", layout, "--sizes", "2");
        NoStackTrace(result);
        result.ExitCode.Should().Be(exitCode, result.StdErr + result.StdOut);
    }

    [Fact]
    public void A_malformed_layout_is_bad_input()
    {
        var result = CliRunner.Run("verify", Fixture("checkpoints", "strassen_top_level_f32.pt"), "--layout", "sideways");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--layout");
    }

    [Fact]
    public void The_malicious_folder_is_refused_row_by_row_with_exit_code_2_and_no_payload_runs()
    {
        using var payloads = PayloadSentinel.Acquire();
        {
            var result = CliRunner.Run("verify", Fixture("malicious"), "--json");
            NoStackTrace(result);
            result.ExitCode.Should().Be(2);
            using var doc = JsonDocument.Parse(result.StdOut);
            var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
            rows.Should().HaveCount(Directory.GetFiles(Fixture("malicious")).Count(f => !f.EndsWith(".tsv")));
            rows.Should().OnlyContain(r => r.GetProperty("exitCode").GetInt32() == 2 && r.GetProperty("error").GetString()!.Length > 0);
            result.StdErr.Trim().Split('\n').Should().HaveCount(rows.Count).And.OnlyContain(l => l.StartsWith("strassen-repro: "));
            payloads.Entries().Should().BeEmpty();
        }
    }

    [Fact]
    public void The_overall_exit_code_is_the_worst_row()
    {
        var good = Fixture("checkpoints", "strassen_top_level_f32.pt");
        var json = Fixture("checkpoints", "strassen.json");
        var invalid = Fixture("checkpoints", "near_miss_invalid_f32.pt");
        var evil = Fixture("malicious", "os_system.pt");
        CliRunner.Run("verify", good, json, "--sizes", "2").ExitCode.Should().Be(0);
        CliRunner.Run("verify", good, invalid, "--sizes", "2").ExitCode.Should().Be(1);
        var mixed = CliRunner.Run("verify", good, evil, invalid, "--json", "--sizes", "2");
        mixed.ExitCode.Should().Be(2);
        using var doc = JsonDocument.Parse(mixed.StdOut);
        doc.RootElement.GetProperty("rows").GetArrayLength().Should().Be(3);
        doc.RootElement.GetProperty("rows")[0].GetProperty("valid").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("rows")[1].GetProperty("error").GetString().Should().Contain("'os.system' is not allowed");
        doc.RootElement.GetProperty("rows")[2].GetProperty("outcome").GetString().Should().Be("invalid");
    }

    [Fact]
    public void A_multi_key_factorizations_file_needs_a_key_and_reads_with_one()
    {
        var file = Fixture("alphatensor", "factorizations_like.npz");
        var without = CliRunner.Run("verify", file);
        without.ExitCode.Should().Be(2);
        without.StdErr.Should().Contain("--key");
        var with = CliRunner.Run("verify", file, "--key", "2,2,3", "--json", "--sizes", "2,4");
        with.ExitCode.Should().Be(0, with.StdErr);
        using var doc = JsonDocument.Parse(with.StdOut);
        doc.RootElement.GetProperty("slots").GetInt32().Should().Be(11);
        doc.RootElement.GetProperty("layout").GetString().Should().Be("lll-rrc");
    }

    [Fact]
    public void Mutated_checkpoints_through_the_command_end_in_exit_0_1_or_2_without_a_stack_trace()
    {
        var original = File.ReadAllBytes(Fixture("checkpoints", "strassen_coefs_transposed_f64.pt"));
        var rng = new Random(6001);
        var dir = Path.Combine(Path.GetTempPath(), $"strassen-repro-fuzz-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            for (int i = 0; i < 24; i++) File.WriteAllBytes(Path.Combine(dir, $"m{i:00}.pt"), MutatePickle(original, rng));
            var result = CliRunner.Run("verify", dir, "--json", "--sizes", "2");
            NoStackTrace(result);
            result.ExitCode.Should().BeOneOf(0, 1, 2);
            using var doc = JsonDocument.Parse(result.StdOut);
            doc.RootElement.GetProperty("rows").GetArrayLength().Should().Be(24);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The checkpoint with a few random bytes of its data.pkl changed (the zip rebuilt, so CRCs hold).</summary>
    private static byte[] MutatePickle(byte[] checkpoint, Random rng)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(checkpoint), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var s = entry.Open();
                var data = new MemoryStream();
                s.CopyTo(data);
                var bytes = data.ToArray();
                if (entry.FullName.EndsWith("data.pkl", StringComparison.Ordinal))
                    for (int k = rng.Next(1, 4); k > 0; k--) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                using var t = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                t.Write(bytes);
            }
        return output.ToArray();
    }
}
