using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>What to read and how to judge it: one file (`verify FILE`, a checkpoint of claim C7, an export).</summary>
public sealed record FileVerificationRequest(string Path)
{
    /// <summary>The array or tensor name inside an archive or checkpoint; null to find it.</summary>
    public string? Key { get; init; }

    /// <summary>A FactorLayout name to force; null to detect.</summary>
    public string? Layout { get; init; }

    public VerificationOptions Options { get; init; } = VerificationOptions.Default;

    /// <summary>Matrix sizes to transfer to (each a power of the shape); null for the default levels.</summary>
    public IReadOnlyList<int>? TransferSizes { get; init; }

    /// <summary>A file that declares its ring mod 2 is checked over F2; false when the caller chose Options.Ring itself
    /// (verify --ring), which then stands.</summary>
    public bool RingFromFile { get; init; } = true;

    /// <summary>Try lattice recovery after the verdict (verify --recover).</summary>
    public bool Recover { get; init; }
}
