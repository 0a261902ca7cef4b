namespace StrassenRepro.Formats.Folders;

/// <summary>
/// `verify DIR` as a library entry point: every file of the walk verified on several threads, the rows handed out
/// in walk order whatever the timing. A file is taken only while fewer than Window files separate it from the next
/// row to hand out, so memory holds the files being read (one per thread) and at most Window finished rows, never
/// the folder.
/// </summary>
public static class FolderVerification
{
    /// <summary>The rows in walk order, streamed; stopping the enumeration early lets each thread finish its file.</summary>
    public static IEnumerable<FolderRow> Rows(FolderVerificationOptions options)
    {
        if (options.Threads < 0) throw new ArgumentOutOfRangeException(nameof(options), $"threads {options.Threads} < 0");
        if (options.Window < 0) throw new ArgumentOutOfRangeException(nameof(options), $"window {options.Window} < 0");
        return Stream(options, options.EffectiveThreads, options.EffectiveWindow);
    }

    private static IEnumerable<FolderRow> Stream(FolderVerificationOptions options, int threads, int window)
    {
        var run = new Run(SchemeFolder.Walk(options.Targets, options.Recursive).GetEnumerator(), window, options.Verify);
        var workers = Enumerable.Range(0, threads)
            .Select(_ => new Thread(run.Work, maxStackSize: 16 << 20) { IsBackground = true, Name = "verify" }).ToList();
        workers.ForEach(w => w.Start());
        try
        {
            while (run.Next() is { } row) yield return row;
        }
        finally
        {
            run.Stop();
            workers.ForEach(w => w.Join());
            run.Dispose();
        }
    }

    /// <summary>The shared state of one run: the walk, the ring of finished rows, and one lock over both.</summary>
    private sealed class Run(IEnumerator<FolderEntry> walk, int window, Func<string, Crystallization.VerificationReport> verify)
        : IDisposable
    {
        private readonly object _gate = new();
        private readonly FolderRow?[] _done = new FolderRow?[window];
        private int _taken, _handedOut;
        private bool _walked, _stopped;
        private Exception? _walkFault;

        public void Work()
        {
            while (Take() is { } job)
            {
                var row = FolderRow.Of(job.Index, job.Entry, verify);
                lock (_gate)
                {
                    _done[row.Index % window] = row;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>The next entry and its index, once the window has room; null when the walk is over or stopped.</summary>
        private (int Index, FolderEntry Entry)? Take()
        {
            lock (_gate)
            {
                while (!_stopped && !_walked && _taken - _handedOut >= window) Monitor.Wait(_gate);
                if (_stopped || _walked) return null;
                try
                {
                    if (walk.MoveNext()) return (_taken++, walk.Current);
                }
                catch (Exception e)
                {
                    _walkFault = e;
                }
                _walked = true;
                Monitor.PulseAll(_gate);
                return null;
            }
        }

        /// <summary>The row at the next index, waiting for it; null after the last one.</summary>
        public FolderRow? Next()
        {
            lock (_gate)
            {
                int slot = _handedOut % window;
                while (_done[slot] is null && !(_walked && _handedOut == _taken)) Monitor.Wait(_gate);
                if (_done[slot] is not { } row)
                {
                    // A walk that failed (a target folder gone mid-run, say) is the caller's error, not a row.
                    if (_walkFault is { } fault) throw new IOException($"walking the folders failed: {fault.Message}", fault);
                    return null;
                }
                _done[slot] = null;
                _handedOut++;
                Monitor.PulseAll(_gate);
                return row;
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void Dispose() => walk.Dispose();
    }
}
