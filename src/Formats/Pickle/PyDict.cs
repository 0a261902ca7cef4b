namespace StrassenRepro.Formats.Pickle;

/// <summary>A Python dict or OrderedDict: its pairs in insertion order, and the attributes BUILD gave it.</summary>
public sealed class PyDict
{
    private readonly List<KeyValuePair<object?, object?>> _items = [];

    // Position of each key, so a hostile pickle with many SETITEMs stays linear. Strings, ints, floats and
    // bools compare by value; other keys (tuples, None) by reference, which only matters for duplicates.
    private readonly Dictionary<object, int> _index = [];

    public IReadOnlyList<KeyValuePair<object?, object?>> Items => _items;

    /// <summary>Instance attributes (state dicts carry `_metadata` this way); kept, never interpreted.</summary>
    public object? Attributes { get; set; }

    public void Set(object? key, object? value)
    {
        if (key is not null && _index.TryGetValue(key, out int at))
        {
            _items[at] = new(key, value);
            return;
        }
        if (key is not null) _index[key] = _items.Count;
        _items.Add(new(key, value));
    }

    public object? Get(string key) => _index.TryGetValue(key, out int at) ? _items[at].Value : null;
}
