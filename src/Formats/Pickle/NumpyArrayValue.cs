namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// A numpy.ndarray rebuilt from its pickle: shape, dtype, and either raw bytes or (object arrays) items.
/// </summary>
public sealed class NumpyArrayValue
{
    public int[] Shape { get; set; } = [0];
    public NumpyDtype? Dtype { get; set; }
    public bool Fortran { get; set; }
    public byte[]? Raw { get; set; }
    public IReadOnlyList<object?>? Items { get; set; }
    public bool Built { get; set; }
}
