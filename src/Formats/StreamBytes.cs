namespace StrassenRepro.Formats;

/// <summary>
/// Bounded reads from a stream, so a reader takes only the bytes its header says it needs: a file of the
/// wrong kind is refused after its first few bytes instead of after reading it whole.
/// </summary>
internal static class StreamBytes
{
    /// <summary>Up to `count` bytes from the current position; fewer only at the end of the stream.</summary>
    public static byte[] UpTo(Stream stream, int count)
    {
        var buffer = new byte[count];
        Array.Resize(ref buffer, stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false));
        return buffer;
    }

    /// <summary>Everything from the current position to the end.</summary>
    public static byte[] Rest(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The first `count` bytes (fewer if the stream is shorter); the stream is left at its start.</summary>
    public static byte[] Peek(Stream stream, int count)
    {
        stream.Position = 0;
        var head = UpTo(stream, count);
        stream.Position = 0;
        return head;
    }
}
