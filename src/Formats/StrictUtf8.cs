using System.Text;

namespace StrassenRepro.Formats;

/// <summary>
/// UTF-8 that throws DecoderFallbackException on invalid bytes instead of substituting U+FFFD, shared by the
/// JSON reader and the unpickler. Built from the fallbacks rather than UTF8Encoding's boolean flags: the
/// byte-order-mark flag only matters when encoding, so a boolean literal there would be an equivalent mutant.
/// </summary>
internal static class StrictUtf8
{
    public static readonly Encoding Encoding =
        Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
