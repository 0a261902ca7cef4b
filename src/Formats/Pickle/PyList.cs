namespace StrassenRepro.Formats.Pickle;

/// <summary>A Python list (also stands in for set and frozenset, which only carry values here).</summary>
public sealed class PyList : List<object?>;
