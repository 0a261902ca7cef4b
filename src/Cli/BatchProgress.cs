using System.Diagnostics;

namespace StrassenRepro.Cli;

/// <summary>
/// Files done of total on stderr, never stdout: on a terminal one line redrawn at most five times a second, else
/// (a log) one line every ten seconds, so a short run prints none.
/// </summary>
public sealed class BatchProgress(int total)
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private bool _drawn;

    public void Report(int done)
    {
        var now = _clock.Elapsed;
        if (now - _last < (_terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(10))) return;
        _last = now;
        string line = $"strassen-repro: {done}/{total} files verified, elapsed {now:hh\\:mm\\:ss}";
        if (_terminal)
        {
            Console.Error.Write($"\r{line}\u001b[K");
            _drawn = true;
        }
        else Console.Error.WriteLine(line);
    }

    /// <summary>Clears the terminal line (before an error line, and at the end).</summary>
    public void Clear()
    {
        if (!_drawn) return;
        Console.Error.Write("\r\u001b[K");
        _drawn = false;
    }
}
