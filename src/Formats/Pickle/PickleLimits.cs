namespace StrassenRepro.Formats.Pickle;

/// <summary>Bounds on what one unpickle may build, so a hostile file cannot exhaust memory or time.</summary>
public sealed record PickleLimits
{
    public int MaxStack { get; init; } = 1 << 20;
    public int MaxMarks { get; init; } = 1 << 12;
    public int MaxMemo { get; init; } = 1 << 20;

    /// <summary>Largest tensor or array, in elements (a scheme has far fewer).</summary>
    public long MaxElements { get; init; } = 4L * 1024 * 1024;

    /// <summary>Cap on the bytes of all storages and arrays materialised from one file.</summary>
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest pickle read from a checkpoint (its data.pkl entry), in bytes.</summary>
    public long MaxPickleBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How deep readers walk nested containers (memo references can make cycles).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>How many container nodes readers visit at most (shared references can make a walk exponential).</summary>
    public int MaxVisited { get; init; } = 100_000;

    public static readonly PickleLimits Default = new();
}
