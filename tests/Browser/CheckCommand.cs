using StrassenRepro.BrowserCheck;

namespace StrassenRepro.Tests.Browser;

/// <summary>Runs strassen-repro-browser-check in-process with its console captured (one run at a time).</summary>
public static class CheckCommand
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    public static async Task<Result> RunAsync(params string[] args)
    {
        await ConsoleGate.WaitAsync();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int exit = await BrowserCheckApp.RunAsync(args);
            return new Result(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            ConsoleGate.Release();
        }
    }
}
