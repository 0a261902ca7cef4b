using System.Globalization;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Cli;

/// <summary>--shape n,m,p (each 1..8), as discover and bench take it.</summary>
public static class ShapeOption
{
    public static Shape Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        bool ok = parts.Length == 3;
        for (int i = 0; ok && i < 3; i++)
            ok = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) && dims[i] is >= 1 and <= 8;
        if (!ok) throw new UsageException($"--shape '{text}' is not n,m,p with each in 1..8");
        return new Shape(dims[0], dims[1], dims[2]);
    }
}
