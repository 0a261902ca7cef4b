namespace StrassenRepro.Tests.Formats;

/// <summary>The files of tests/fixtures, copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Dir(string folder) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder);

    public static string Checkpoint(string name) => Path.Combine(Dir("checkpoints"), name);

    public static string Malicious(string name) => Path.Combine(Dir("malicious"), name);

    /// <summary>(file, phrase its refusal must contain) from malicious/expected.tsv.</summary>
    public static IEnumerable<(string File, string Reason)> MaliciousExpectations() =>
        File.ReadAllLines(Path.Combine(Dir("malicious"), "expected.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]));

    /// <summary>Where the corpus's payloads would write if anything ever ran them.</summary>
}
