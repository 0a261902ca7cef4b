namespace StrassenRepro.Tests.Formats;

/// <summary>
/// A seekable read-only stream of `length` bytes, all `fill` (nothing is allocated for them), that counts the
/// bytes handed out: a test of how much of a large file a reader really reads.
/// </summary>
internal sealed class CountingStream(long length, byte fill = 0) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Clamp(length - Position, 0, count);
        buffer.AsSpan(offset, n).Fill(fill);
        Position += n;
        BytesRead += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
