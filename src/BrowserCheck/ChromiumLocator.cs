namespace StrassenRepro.BrowserCheck;

/// <summary>
/// The Chromium to drive. Playwright's own browser builds are downloaded from hosts this project cannot reach, so
/// the check uses the system's (Debian's chromium package; Chrome where that is what a machine has).
/// </summary>
public static class ChromiumLocator
{
    public const string Variable = "STRASSEN_CHROMIUM";

    /// <summary>Names looked up on PATH, in this order (.ci/run installs the first when none is there).</summary>
    public static readonly IReadOnlyList<string> Names =
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The executable: <paramref name="given"/>, else $STRASSEN_CHROMIUM, else the first on PATH.</summary>
    public static string Find(string? given = null) =>
        Find(given, Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("PATH") ?? "");

    /// <summary>The same with the environment passed in (for tests).</summary>
    public static string Find(string? given, string? variable, string path)
    {
        var chosen = string.IsNullOrWhiteSpace(given) ? variable : given;
        if (!string.IsNullOrWhiteSpace(chosen))
            return File.Exists(chosen)
                ? Path.GetFullPath(chosen)
                : throw new CheckInputException($"no Chromium at {chosen}");
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
                   .FirstOrDefault(File.Exists)
            ?? throw new CheckInputException($"no Chromium found ({string.Join(", ", Names)} on PATH): install "
                + $"Debian's chromium package (apt-get install chromium), or name one with --chromium or {Variable}");
    }
}
