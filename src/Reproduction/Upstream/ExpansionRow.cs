using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One size of the expansion check: the script's two errors and its PASS.</summary>
public sealed record ExpansionRow(int Size, double MaxError, double RelativeError)
{
    /// <summary>verify_checkpoints.py:140: PASS iff the relative error is below 1e-4 (the paper states 1e-5).</summary>
    public bool Pass => RelativeError < HardCodedExpansion.PassBelow;
}
