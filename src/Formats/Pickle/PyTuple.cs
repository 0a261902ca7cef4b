namespace StrassenRepro.Formats.Pickle;

/// <summary>A Python tuple.</summary>
public sealed class PyTuple(object?[] items)
{
    public object?[] Items { get; } = items;
    public int Count => Items.Length;
    public object? this[int i] => Items[i];
}
