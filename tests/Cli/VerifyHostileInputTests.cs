using System.Net.Sockets;
using System.Text.Json;
using Mono.Unix.Native;
using StrassenRepro.Cli.Commands;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// `verify` on input a new user can give by accident or on purpose: a FIFO (reading one used to block for
/// minutes), a socket, a file whose reader throws what no reader should. Each is its own one-line failure, exit
/// code 2, and in a batch every other file keeps its row.
/// </summary>
[Trait("Category", "Fast")]
public class VerifyHostileInputTests
{
    private static readonly string Strassen = Path.Combine(RepoPaths.Root, "examples", "strassen.json");

    private readonly string dir = TempFolder.Create("cli-hostile");

    private string In(string name) => Path.Combine(dir, name);

    private string Fifo(string name)
    {
        Syscall.mkfifo(In(name), FilePermissions.S_IRUSR | FilePermissions.S_IWUSR).Should().Be(0);
        return In(name);
    }

    /// <summary>The command run in-process; if it blocks on the FIFO (as before the check), it fails.</summary>
    private static CliRunner.Result RunBesideFifo(string fifo, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        if (run.Wait(TimeSpan.FromMinutes(1))) return run.Result;
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { } // a writer lets the blocked open return
        run.Wait();
        return new CliRunner.Result(-1, "", "blocked on the FIFO");
    }

    [Fact]
    public void A_FIFO_is_refused_at_once_in_one_line()
    {
        var fifo = Fifo("f.json");

        var result = RunBesideFifo(fifo, "verify", fifo);

        result.StdErr.Should().Be("strassen-repro: f.json: not a regular file (a FIFO)\n");
        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void A_FIFO_and_a_socket_in_a_folder_are_rows_of_their_own()
    {
        File.Copy(Strassen, In("a.json"));
        var fifo = Fifo("b.json");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(In("c.npz")));

        var result = RunBesideFifo(fifo, "verify", dir, "--json", "--sizes", "2");

        result.ExitCode.Should().Be(2, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        rows.Should().HaveCount(3);
        rows[0].GetProperty("verdict").GetString().Should().Be("VALID");
        rows[1].GetProperty("error").GetString().Should().Be("b.json: not a regular file (a FIFO)");
        rows[2].GetProperty("error").GetString().Should().Be("c.npz: not a regular file (a socket)");
        rows.Skip(1).Should().OnlyContain(r => r.GetProperty("exitCode").GetInt32() == 2);
    }

    [Fact]
    public void A_JSON_file_with_a_duplicate_key_is_one_row_and_the_others_keep_theirs()
    {
        File.Copy(Strassen, In("a.json"));
        var text = File.ReadAllText(Strassen);
        File.WriteAllText(In("b.json"), text.Replace("\"shape\":", "\"shape\": [2, 2, 2], \"shape\":"));
        File.Copy(Strassen, In("c.json"));

        var json = CliRunner.Run("verify", dir, "--json", "--sizes", "2");
        var table = CliRunner.Run("verify", dir, "--sizes", "2");

        json.ExitCode.Should().Be(2, json.StdErr);
        using var doc = JsonDocument.Parse(json.StdOut);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.TryGetProperty("verdict", out var v) ? v.GetString() : "error")
            .Should().Equal("VALID", "error", "VALID");
        rows[1].GetProperty("path").GetString().Should().Be(In("b.json"));
        rows[1].GetProperty("exitCode").GetInt32().Should().Be(2);
        rows[1].GetProperty("error").GetString().Should().Contain("shape").And.NotContain("\n");
        table.ExitCode.Should().Be(2);
        table.StdOut.Split("\n\n")[0].Split('\n').Should().HaveCount(4, "a header and one row per file, then the table");
        table.StdOut.TrimEnd('\n').Split('\n')[^1].Should().Be("UNREADABLE: 1 of 3 files (0 not valid)");
    }

    [Fact]
    public void An_exception_no_reader_should_throw_fails_its_own_file_only()
    {
        var files = new[] { "a.json", "b.json", "c.json" }.Select(In).ToList();
        foreach (var f in files) File.Copy(Strassen, f);
        VerificationReport Verify(string path) => path == files[1]
            ? throw new InvalidOperationException("a reader's gap")
            : FileVerification.Verify(new FileVerificationRequest(path) { TransferSizes = [2] }).Report;

        var batch = CliRunner.Capture(() => VerifyBatch.Run(new FolderVerificationOptions(files) { Verify = Verify }, batch: true, json: true));
        var one = CliRunner.Capture(() => VerifyBatch.Run(new FolderVerificationOptions([files[1]]) { Verify = Verify }, batch: false, json: false));

        batch.ExitCode.Should().Be(2);
        using var doc = JsonDocument.Parse(batch.StdOut);
        doc.RootElement.GetProperty("rows").GetArrayLength().Should().Be(3);
        doc.RootElement.GetProperty("rows")[1].GetProperty("error").GetString()
            .Should().Be("InvalidOperationException: a reader's gap");
        doc.RootElement.GetProperty("rows")[2].GetProperty("verdict").GetString().Should().Be("VALID");
        one.ExitCode.Should().Be(2);
        one.StdErr.Should().Be("strassen-repro: InvalidOperationException: a reader's gap\n");
    }
}
