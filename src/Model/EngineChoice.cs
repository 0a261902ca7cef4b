using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Model;

/// <summary>Which population engine trains, and for the gpu engine on which device; recorded with every run.</summary>
public sealed record EngineChoice(EngineKind Kind, DevicePreference Device = DevicePreference.Auto)
{
    public static readonly EngineChoice Cpu = new(EngineKind.Cpu);

    public static implicit operator EngineChoice(EngineKind kind) => new(kind);

    /// <summary>
    /// The cpu engine's specialised 8-lane gradient at &lt;2,2,2;8&gt; (default); false takes the general path there
    /// too, whose sums run in another order (other numbers), so that a benchmark can time one against the other.
    /// </summary>
    public bool SpecialisedGradient { get; init; } = true;

    /// <summary>Training pairs drawn with AVX2 where it is there (default); false: the scalar draw, the same numbers.</summary>
    public bool VectorisedPairs { get; init; } = true;

    /// <summary>"cpu", "torch" or "gpu".</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>The gpu engine's device (opened on first use); null for the other engines.</summary>
    public GpuDevice? OpenDevice() => Kind == EngineKind.Gpu ? GpuDevice.Get(Device) : null;

    /// <summary>engine, and for the gpu engine device, deviceKind and driver: what a stored run records of its engine.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var fields = new SortedDictionary<string, string> { ["engine"] = Name };
        if (OpenDevice() is GpuDevice device)
        {
            fields["device"] = device.Name;
            fields["deviceKind"] = device.Kind;
            fields["driver"] = device.Driver ?? "none";
        }
        return fields;
    }

    /// <summary>Parses --engine and --device values; an unknown value is an ArgumentException.</summary>
    public static EngineChoice Parse(string engine, string device = "auto") => new(
        engine switch
        {
            "cpu" => EngineKind.Cpu,
            "torch" => EngineKind.Torch,
            "gpu" => EngineKind.Gpu,
            _ => throw new ArgumentException($"engine '{engine}' is not cpu, torch or gpu"),
        },
        device switch
        {
            "auto" => DevicePreference.Auto,
            "cuda" => DevicePreference.Cuda,
            "cpu" => DevicePreference.Cpu,
            _ => throw new ArgumentException($"device '{device}' is not auto, cuda or cpu"),
        });
}
