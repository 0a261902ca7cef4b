using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// The one entry point for "read this file and verify it": the reader picks the layout (an exact check per
/// candidate), the verifier gives the verdict (one exact check), with the file's exact fractions and the transfer
/// sizes of its shape; lattice recovery when asked. `verify`, `export` and claim C7 call it.
/// </summary>
public static class FileVerification
{
    public static VerifiedFile Verify(FileVerificationRequest request)
    {
        var source = SchemeReader.Read(request.Path, request.Key, request.Layout, request.Options);
        var levels = request.TransferSizes is { } sizes ? TransferTest.LevelsForSizes(source.Scheme.Shape, sizes) : null;
        // A file that declares its ring mod 2 (the catalogue's "z2", flips' "mod2") is checked over F2, unless the
        // caller named the ring.
        var ring = request.RingFromFile && source.Ring == Ring.F2 ? Ring.F2 : request.Options.Ring;
        var options = request.Options with { TransferLevels = levels ?? request.Options.TransferLevels, Ring = ring };
        var report = Verifier.Verify(source.Scheme, options, source.Path, source.Format, source.Key, source.Exact)
            with
        { Layout = source.Layout, LayoutChoice = source.LayoutChoice };
        if (request.Recover) report = Verifier.WithRecovery(source.Scheme, report);
        return new VerifiedFile(source, report);
    }
}
