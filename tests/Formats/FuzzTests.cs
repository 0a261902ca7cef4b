using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>
/// Mutated valid fixtures (fixed seeds): every input ends in a scheme or a SchemeFormatException, never
/// another exception and never a hang. Mutating entries inside the zip (with fresh CRCs) reaches the unpickler.
/// </summary>
[Trait("Category", "Fast")]
public class FuzzTests
{
    private static readonly VerificationOptions Options = new() { TransferLevels = [1] };

    public static IEnumerable<string> ValidFiles() =>
        Directory.EnumerateFiles(Fixtures.Dir("checkpoints")).Order(StringComparer.Ordinal);

    /// <summary>Reads and verifies; returns what happened, or throws if something other than bad input escaped.</summary>
    public static string Outcome(byte[] bytes, string ext, string what)
    {
        var task = Task.Run(() =>
        {
            try
            {
                var source = SchemeReader.Read(bytes, "fuzz" + ext, null, null, Options);
                return Verifier.Verify(source.Scheme, Options).Outcome;
            }
            catch (SchemeFormatException e)
            {
                e.Message.Should().NotContain("\n", what);
                return "refused";
            }
        });
        // A hang detector with a wide margin (a read takes milliseconds), not a speed assertion.
        if (!task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException($"{what}: no answer");
        return task.Result;
    }

    private static string Check(byte[] bytes, string ext, string what)
    {
        try
        {
            return Outcome(bytes, ext, what);
        }
        catch (AggregateException e)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {e.InnerException!.GetType().Name}: {e.InnerException.Message}\n{e.InnerException.StackTrace}");
        }
    }

    [Fact]
    public void Bit_flips_anywhere_in_a_file_end_in_a_result_or_a_format_error()
    {
        var rng = new Random(5001);
        foreach (var file in ValidFiles())
        {
            var original = File.ReadAllBytes(file);
            for (int i = 0; i < TestBudget.Trials(30); i++)
            {
                var bytes = (byte[])original.Clone();
                int flips = rng.Next(1, 5);
                for (int f = 0; f < flips; f++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                Check(bytes, Path.GetExtension(file), $"{Path.GetFileName(file)} flip #{i}");
            }
        }
    }

    [Fact]
    public void Truncations_end_in_a_format_error()
    {
        var rng = new Random(5002);
        foreach (var file in ValidFiles())
        {
            var original = File.ReadAllBytes(file);
            for (int i = 0; i < TestBudget.Trials(10); i++)
            {
                var bytes = original[..rng.Next(original.Length)];
                Outcome(bytes, Path.GetExtension(file), $"{Path.GetFileName(file)} cut at {bytes.Length}").Should().Be("refused");
            }
        }
    }

    private static List<(string Name, byte[] Data)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, m.ToArray());
        }).ToList();
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Data)> entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var s = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(data);
            }
        return stream.ToArray();
    }

    private static byte[] Mutate(byte[] data, Random rng)
    {
        var b = new List<byte>(data);
        switch (rng.Next(5))
        {
            case 0: // bit flips
                for (int f = rng.Next(1, 4); f > 0 && b.Count > 0; f--) b[rng.Next(b.Count)] ^= (byte)(1 << rng.Next(8));
                break;
            case 1: // a random byte (often an opcode) overwritten
                if (b.Count > 0) b[rng.Next(b.Count)] = (byte)rng.Next(256);
                break;
            case 2: // truncated
                b = b.Take(rng.Next(b.Count + 1)).ToList();
                break;
            case 3: // a slice duplicated
                {
                    int at = rng.Next(b.Count), len = Math.Min(rng.Next(1, 40), b.Count - at);
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    break;
                }
            default: // a slice deleted
                {
                    int at = rng.Next(b.Count), len = Math.Min(rng.Next(1, 20), b.Count - at);
                    b.RemoveRange(at, len);
                    break;
                }
        }
        return b.ToArray();
    }

    [Fact]
    public void Mutated_pickles_inside_well_formed_archives_end_in_a_result_or_a_format_error()
    {
        var rng = new Random(5003);
        var outcomes = new Dictionary<string, int>();
        var archives = ValidFiles().Where(f => Path.GetExtension(f) is ".pt" or ".npz")
            .Append(Path.Combine(Fixtures.Dir("alphatensor"), "factorizations_like.npz")).ToList();
        foreach (var file in archives)
        {
            var entries = Entries(File.ReadAllBytes(file));
            // The pickle of a checkpoint; the object-array .npy (header + pickle) of an .npz.
            int target = entries.FindIndex(e => e.Name.EndsWith("data.pkl", StringComparison.Ordinal) || e.Name.EndsWith("2,2,3.npy", StringComparison.Ordinal));
            target.Should().BeGreaterThanOrEqualTo(0, file);
            for (int i = 0; i < 40; i++)
            {
                var mutated = entries.Select((e, j) => j == target ? (e.Name, Mutate(e.Data, rng)) : e).ToList();
                var ext = Path.GetExtension(file);
                var outcome = Check(Zip(mutated), ext, $"{Path.GetFileName(file)} pickle mutation #{i}");
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
        // The mutants reach the unpickler: many are refused, and some still read (a flipped coefficient, say).
        outcomes.GetValueOrDefault("refused").Should().BeGreaterThan(100);
        outcomes.Where(o => o.Key != "refused").Sum(o => o.Value).Should().BeGreaterThan(10, string.Join(", ", outcomes));
    }

    [Fact]
    public void Swapped_entries_end_in_a_result_or_a_format_error()
    {
        var rng = new Random(5004);
        int refused = 0, total = 0;
        foreach (var file in ValidFiles().Where(f => Path.GetExtension(f) == ".pt"))
        {
            var entries = Entries(File.ReadAllBytes(file));
            for (int i = 0; i < 12; i++)
            {
                int a = rng.Next(entries.Count), b = rng.Next(entries.Count);
                var swapped = entries.ToList();
                swapped[a] = (entries[a].Name, entries[b].Data);
                swapped[b] = (entries[b].Name, entries[a].Data);
                total++;
                if (Outcome(Zip(swapped), ".pt", $"{Path.GetFileName(file)} swap {entries[a].Name} <-> {entries[b].Name}") == "refused") refused++;
            }
        }
        refused.Should().BeGreaterThan(0).And.BeLessThan(total + 1);
    }
}
