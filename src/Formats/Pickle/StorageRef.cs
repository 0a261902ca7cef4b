namespace StrassenRepro.Formats.Pickle;

/// <summary>A persistent reference to a storage in a torch zip: data/&lt;Key&gt;, Numel elements of Type.</summary>
public sealed record StorageRef(string Key, TorchElementType Type, long Numel);
