using System.Runtime.InteropServices;

namespace StrassenRepro.Cli;

/// <summary>
/// SIGINT and SIGTERM as a request to stop: the first one cancels <see cref="Token"/> so a sweep stops at a
/// safe point and says where it got; a second one is left to its default action (the process ends at once).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public static StopSignals Listen() => new();

    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that asked to stop (SIGTERM or SIGINT).</summary>
    public PosixSignal Received => _received == (int)PosixSignal.SIGTERM ? PosixSignal.SIGTERM : PosixSignal.SIGINT;

    /// <summary>128 + the signal's number, as a shell reports it: 130 (SIGINT), 143 (SIGTERM).</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? 143 : 130;

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0) return;
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
