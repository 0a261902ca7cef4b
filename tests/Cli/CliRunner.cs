using System.Diagnostics;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// Runs strassen-repro: in-process by default (fast, and counted by coverage; console redirection is
/// serialised by a lock), or as a child process (RunProcess) where the real process exit matters.
/// </summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly object ConsoleGate = new();

    public static Result Run(params string[] args) => Capture(() => StrassenRepro.Cli.CliApp.Run(args));

    /// <summary>Runs part of the command in-process (a batch with an injected reader, say), capturing its output.</summary>
    public static Result Capture(Func<int> body)
    {
        lock (ConsoleGate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int exit = body();
                return new Result(exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    public static Result RunProcess(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args)
    {
        using var process = StartIn(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return Finish(process, stdout, stderr, args);
    }

    /// <summary>Starts strassen-repro as a child process with stdout and stderr redirected (for the caller).</summary>
    public static Process Start(params string[] args) => StartIn(null, args);

    private static Process StartIn(string? workingDirectory, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "strassen-repro.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    /// <summary>Waits for a started child (killing it after 5 minutes) and returns what it printed.</summary>
    public static Result Finish(Process process, Task<string> stdout, Task<string> stderr, string[] args)
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"strassen-repro {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Writes text to a fresh temporary file with the given extension and returns its path.</summary>
    public static string TempFile(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    public static string TempFile(string extension, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }
}
