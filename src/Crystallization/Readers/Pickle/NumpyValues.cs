namespace StrassenRepro.Crystallization.Readers.Pickle;

/// <summary>A numpy.dtype rebuilt from its pickle: the type code ('f8', 'i4', 'O8') and the byte order BUILD set.</summary>
public sealed class NumpyDtype(string code)
{
    public string Code { get; } = code;
    public char ByteOrder { get; set; } = '|';

    public bool IsObject => Code.StartsWith('O');

    /// <summary>The .npy-style descriptor, e.g. "&lt;f8".</summary>
    public string Descr => $"{ByteOrder}{Code}";
}

/// <summary>A numpy.ndarray rebuilt from its pickle: shape, dtype, and either raw bytes or (object arrays) items.</summary>
public sealed class NumpyArrayValue
{
    public int[] Shape { get; set; } = [0];
    public NumpyDtype? Dtype { get; set; }
    public bool Fortran { get; set; }
    public byte[]? Raw { get; set; }
    public IReadOnlyList<object?>? Items { get; set; }
    public bool Built { get; set; }
}
