namespace StrassenRepro.Tests;

/// <summary>Fresh folders under the system's temporary folder, one per test, named by the test's area.</summary>
public static class TempFolder
{
    /// <summary>The path of a folder that does not exist yet.</summary>
    public static string Path(string area) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"strassen-{area}-{Guid.NewGuid():N}");

    /// <summary>A new, empty folder; returns its full path.</summary>
    public static string Create(string area) => Directory.CreateDirectory(Path(area)).FullName;
}
