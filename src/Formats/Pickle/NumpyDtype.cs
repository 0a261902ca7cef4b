namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// A numpy.dtype rebuilt from its pickle: the type code ('f8', 'i4', 'O8') and the byte order BUILD set.
/// </summary>
public sealed class NumpyDtype(string code)
{
    public string Code { get; } = code;
    public char ByteOrder { get; set; } = '|';

    public bool IsObject => Code.StartsWith('O');

    /// <summary>The .npy-style descriptor, e.g. "&lt;f8".</summary>
    public string Descr => $"{ByteOrder}{Code}";
}
