namespace StrassenRepro.Formats.Pickle;

/// <summary>A global the allow-list accepted; only these can ever be called, and only through PickleGlobals.</summary>
public sealed record PyGlobal(string Module, string Name, AllowedGlobal Kind, TorchElementType? Storage = null)
{
    public string FullName => $"{Module}.{Name}";
    public override string ToString() => FullName;
}
