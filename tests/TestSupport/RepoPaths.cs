namespace StrassenRepro.Tests;

/// <summary>Locates the repository root (the folder with StrassenRepro.sln) from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Golden => Path.Combine(Root, "golden");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StrassenRepro.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (StrassenRepro.sln) not found");
    }
}
