using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>
/// An .npz whose entries a key could name twice is refused as ambiguous: NumPy reads the last of two entries of
/// one name, this reader used to read the first, so the same file gave two different schemes.
/// </summary>
[Trait("Category", "Fast")]
public class NpzAmbiguityTests
{
    private static readonly byte[] Strassen =
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", "strassen_int64.npy"));

    /// <summary>Strassen's array with every coefficient zeroed: another (invalid) scheme of the same shape.</summary>
    private static byte[] Zeros()
    {
        var bytes = (byte[])Strassen.Clone();
        int header = 10 + BitConverter.ToUInt16(bytes, 8);
        Array.Clear(bytes, header, bytes.Length - header);
        return bytes;
    }

    private static byte[] Npz(params (string Name, byte[] Data)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(data);
            }
        return stream.ToArray();
    }

    public static TheoryData<string, string, string> Clashes() => new()
    {
        { "x.npy", "x.npy", "the entry 'x.npy' appears twice" },
        { "x", "x.npy", "the entries 'x' and 'x.npy' both answer to the key 'x'" },
        { "x.npy", "x.npy.npy", "the entries 'x.npy' and 'x.npy.npy' both answer to the key 'x.npy'" },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public void Two_entries_for_one_key_are_refused_with_or_without_the_key(string first, string second, string clash)
    {
        var bytes = Npz((first, Strassen), (second, Zeros()));

        foreach (var key in new[] { null, "x" })
        {
            var act = () => SchemeReader.Read(bytes, "a.npz", key);
            act.Should().Throw<SchemeFormatException>().WithMessage($"a.npz: ambiguous archive: {clash}");
        }
    }

    [Fact]
    public void Distinct_entries_still_read_by_key()
    {
        var bytes = Npz(("x.npy", Strassen), ("y.npy", Zeros()));

        SchemeReader.Read(bytes, "a.npz", "x").Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
        SchemeReader.Read(bytes, "a.npz", "y").Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeFalse();
    }
}
