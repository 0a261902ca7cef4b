namespace StrassenRepro.Formats.Pickle;

/// <summary>The element types of the torch storages we read, from the typed storage classes.</summary>
public enum TorchElementType
{
    Float32, Float64, Float16, BFloat16, Int64, Int32, Int16, Int8, UInt8, Bool,
}
