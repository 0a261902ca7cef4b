namespace StrassenRepro.Formats;

/// <summary>A dense row-major matrix read from a file.</summary>
public sealed record Matrix(int Rows, int Columns, double[] Data)
{
    public double this[int i, int j] => Data[i * Columns + j];
}
