namespace StrassenRepro.Model;

/// <summary>The versions of the runtime and the libraries training depends on, recorded with every run and checkpoint.</summary>
public static class LibraryVersions
{
    public const string LibTorch = "2.10.0";

    public static IReadOnlyDictionary<string, string> Training { get; } = new SortedDictionary<string, string>
    {
        ["dotnet"] = Environment.Version.ToString(),
        ["TorchSharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        ["libtorch"] = LibTorch,
        ["MathNet.Numerics"] = typeof(MathNet.Numerics.Control).Assembly.GetName().Version?.ToString() ?? "?",
        ["ILGPU"] = typeof(ILGPU.Context).Assembly.GetName().Version?.ToString() ?? "?",
    };
}
