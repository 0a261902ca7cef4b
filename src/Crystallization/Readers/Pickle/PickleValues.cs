namespace StrassenRepro.Crystallization.Readers.Pickle;

// The values a restricted unpickle produces. Python ints are long (or BigInteger past 64 bits),
// floats double, str string, bytes/bytearray byte[], None null, bool bool; containers below.

/// <summary>A Python tuple.</summary>
public sealed class PyTuple(object?[] items)
{
    public object?[] Items { get; } = items;
    public int Count => Items.Length;
    public object? this[int i] => Items[i];
}

/// <summary>A Python list (also stands in for set and frozenset, which only carry values here).</summary>
public sealed class PyList : List<object?>;

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

/// <summary>A global the allow-list accepted; only these can ever be called, and only through PickleGlobals.</summary>
public sealed record PyGlobal(string Module, string Name, AllowedGlobal Kind, TorchElementType? Storage = null)
{
    public string FullName => $"{Module}.{Name}";
    public override string ToString() => FullName;
}
