using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// Reading unpickled values where a constructor expects a kind (an integer, a shape) and naming them in errors.
/// Apart from PickleGlobals because the NumPy state reader needs the same conversions, and PickleGlobals
/// calls that reader: shared here, neither depends on the other.
/// </summary>
public static class PyValues
{
    /// <summary>What the value is, for an error message; never the value itself, which the file chose.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        PyGlobal g => g.FullName,
        PyDict => "a dict",
        PyList => "a list",
        PyTuple => "a tuple",
        string => "a string",
        byte[] => "bytes",
        _ => value.GetType().Name,
    };

    /// <summary>A Python int (a bool counts as 0 or 1) as a long; `what` names it in the refusal.</summary>
    internal static long Int(object? value, string what, string file) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        BigInteger => throw new SchemeFormatException($"{file}: {what} is out of range"),
        _ => throw new SchemeFormatException($"{file}: {what} is {Describe(value)}, not an integer"),
    };

    /// <summary>A tuple or list of at most 16 ints (a size, a stride, a shape).</summary>
    internal static long[] Ints(object? value, string what, string file)
    {
        if (value is not PyTuple t && value is not PyList)
            throw new SchemeFormatException($"{file}: {what} is {Describe(value)}, not a tuple of integers");
        var items = value is PyTuple tt ? tt.Items : ((PyList)value).ToArray();
        if (items.Length > 16) throw new SchemeFormatException($"{file}: {what} has {items.Length} entries");
        return items.Select(x => Int(x, what, file)).ToArray();
    }

    /// <summary>An array shape: ints, each in 0..int.MaxValue.</summary>
    internal static int[] Dims(object? value, string file)
    {
        var dims = Ints(value, "array shape", file);
        if (dims.Any(d => d < 0 || d > int.MaxValue))
            throw new SchemeFormatException($"{file}: array shape ({string.Join(", ", dims)}) is out of range");
        return dims.Select(d => (int)d).ToArray();
    }
}
