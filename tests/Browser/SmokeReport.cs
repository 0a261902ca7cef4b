using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Tests.Browser;

/// <summary>A report written once from a smoke sweep (seconds); each test works on a copy of the folder.</summary>
public sealed class SmokeReport
{
    public string Folder { get; } = TempFolder.Path("browser-smoke");

    public SmokeReport() => Reproducer.Run(new ReproduceOptions
    {
        Preset = StudyPreset.Smoke,
        Claims = ClaimCatalog.All,
        OutDir = Folder,
        Threads = 1,
    });

    /// <summary>A copy of the report folder (page, summary and figures; not the run store).</summary>
    public string Copy()
    {
        var copy = TempFolder.Create("browser-report");
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).StartsWith("runs.db", StringComparison.Ordinal)))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Rewrites the copy's index.html with <paramref name="edit"/> (which must change it).</summary>
    public static void EditPage(string folder, Func<string, string> edit)
    {
        var path = Path.Combine(folder, "index.html");
        var before = File.ReadAllText(path);
        var after = edit(before);
        after.Should().NotBe(before, "the edit must change the page");
        File.WriteAllText(path, after);
    }
}
