using System.Runtime.InteropServices;

namespace StrassenRepro.Model;

/// <summary>
/// Pins the code path of the MKL inside libtorch (MKL_CBWR=COMPATIBLE, Intel's conditional numerical
/// reproducibility) before libtorch first computes, unless the environment already names one. Without it, on an AMD
/// EPYC host MKL's batched products round a run differently alone than inside a population of six (ShapeTests), so a
/// torch run would depend on its neighbours. The variable must reach the native environment: .NET's
/// Environment.SetEnvironmentVariable changes only the managed copy on Unix, so setenv is called directly.
/// </summary>
internal static partial class MklReproducibility
{
    private const string Variable = "MKL_CBWR";
    private static int _done;

    public static void Ensure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) return;
        Environment.SetEnvironmentVariable(Variable, "COMPATIBLE");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = SetEnv(Variable, "COMPATIBLE", 0);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
