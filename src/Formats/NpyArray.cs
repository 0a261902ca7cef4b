namespace StrassenRepro.Formats;

/// <summary>A numeric NumPy array read into doubles, C (row-major) order; or an object array of such (Items).</summary>
public sealed record NpyArray(int[] Shape, double[] Data, string Dtype, IReadOnlyList<NpyArray>? Items = null)
{
    public bool IsObjectArray => Items is not null;

    public int Rank => Shape.Length;

    public double this[int i, int j, int k] => Data[(i * Shape[1] + j) * Shape[2] + k];

    public double this[int i, int j] => Data[i * Shape[1] + j];
}
