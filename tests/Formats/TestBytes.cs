using System.Text;

namespace StrassenRepro.Tests.Formats;

/// <summary>Hand-built reader inputs: pickle byte strings and .npy files, so a test states its bytes.</summary>
internal static class TestBytes
{
    /// <summary>A byte string from parts: a byte, char or int is one byte, a string its Latin-1 bytes, a byte[] itself.</summary>
    public static byte[] Pickle(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
            bytes.AddRange(part switch
            {
                byte b => [b],
                char c => [(byte)c],
                int i => [(byte)i],
                string s => Encoding.Latin1.GetBytes(s),
                byte[] raw => raw,
                _ => throw new ArgumentException("part"),
            });
        return bytes.ToArray();
    }

    /// <summary>A version 1.0 .npy file (header padded as NumPy pads it); without a shape the header has no 'shape' key.</summary>
    public static byte[] Npy(string descr, string? shape, byte[] data)
    {
        string header = shape is null
            ? $"{{'descr': '{descr}', 'fortran_order': False, }}"
            : $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(118) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)header.Length, 0]);
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }
}
