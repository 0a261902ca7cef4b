namespace StrassenRepro.Formats;

/// <summary>
/// A name taken from a file (zip entry, pickle global, dtype, storage key), made fit for a one-line error:
/// control characters become '?' and the text is cut at 80 characters, whatever bytes the file put there.
/// </summary>
public static class PrintableText
{
    public static string Of(string s)
    {
        var clean = new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 80 ? clean[..80] + "..." : clean;
    }
}
