using System.Diagnostics;
using System.Reflection;

namespace StrassenRepro.Model;

/// <summary>
/// The project's commit that runs are recorded with. First the commit this build was compiled from, embedded at
/// build time (the SDK's SourceRevisionId in the informational version; "-dirty", as git describe has it, when
/// git status listed changed or new files then), so it holds wherever the program is run from. Built outside
/// git: HEAD of a repository around the program's own folder at run time (not the working directory, which may
/// be another repository). Else null.
/// </summary>
public static class BuildCommit
{
    public static string? Value { get; } = Embedded(typeof(BuildCommit).Assembly) ?? Head(AppContext.BaseDirectory);

    /// <summary>The commit an assembly was built from, with "-dirty" when its tree had changes; null if none.</summary>
    public static string? Embedded(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        int plus = version?.IndexOf('+') ?? -1;
        if (plus < 0) return null;
        var sha = version![(plus + 1)..];
        if (sha.Length is not (40 or 64) || !sha.All(char.IsAsciiHexDigit)) return null;
        bool dirty = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(m => m.Key == "GitTreeDirty" && m.Value == "true");
        return dirty ? sha + "-dirty" : sha;
    }

    /// <summary>HEAD of the git repository around a folder, or null when there is none (or no git).</summary>
    public static string? Head(string folder)
    {
        try
        {
            var psi = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            using var process = Process.Start(psi);
            if (process is null) return null;
            string text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && text.Length is 40 or 64 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
