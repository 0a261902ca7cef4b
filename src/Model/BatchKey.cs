namespace StrassenRepro.Model;

/// <summary>A batch of one run's stream: fresh data keys it by (stream, step); fixed data by (stream, epoch, offset).</summary>
public readonly record struct BatchKey(ulong Stream, long Step, long Epoch, int Offset);
