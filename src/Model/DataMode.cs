using System.Globalization;

namespace StrassenRepro.Model;

/// <summary>Where the training pairs come from: fresh N(0,1) draws every step, or a fixed set of N pairs.</summary>
public readonly record struct DataMode(int? FixedSize)
{
    public static readonly DataMode Fresh = new((int?)null);

    public bool IsFresh => FixedSize is null;

    public int StepsPerEpoch(int batchSize) => FixedSize is int n ? (n + batchSize - 1) / batchSize : 1;

    /// <summary>"fresh" or "fixed:N" with N >= 1; anything else is an ArgumentException.</summary>
    public static DataMode Parse(string text)
    {
        if (text == "fresh") return Fresh;
        if (text.StartsWith("fixed:", StringComparison.Ordinal) &&
            int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1)
            return new DataMode(n);
        throw new ArgumentException($"data mode '{text}' is not 'fresh' or 'fixed:N' with N >= 1");
    }

    public override string ToString() => FixedSize is int n ? $"fixed:{n}" : "fresh";
}
