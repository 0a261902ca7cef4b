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
    public List<KeyValuePair<object?, object?>> Items { get; } = [];

    /// <summary>Instance attributes (state dicts carry `_metadata` this way); kept, never interpreted.</summary>
    public object? Attributes { get; set; }

    public void Set(object? key, object? value)
    {
        for (int i = 0; i < Items.Count; i++)
            if (KeysEqual(Items[i].Key, key))
            {
                Items[i] = new(key, value);
                return;
            }
        Items.Add(new(key, value));
    }

    public object? Get(string key) => Items.FirstOrDefault(kv => kv.Key is string s && s == key).Value;

    private static bool KeysEqual(object? a, object? b) => a is null ? b is null : a.Equals(b);
}

/// <summary>A global the allow-list accepted; only these can ever be called, and only through PickleGlobals.</summary>
public sealed record PyGlobal(string Module, string Name, AllowedGlobal Kind, TorchElementType? Storage = null)
{
    public string FullName => $"{Module}.{Name}";
    public override string ToString() => FullName;
}

/// <summary>A torch dtype object (torch.float32 ...) met as a plain value; inert.</summary>
public sealed record TorchDtype(string Name);
