using System.CommandLine;
using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Cli;

/// <summary>--engine and --device, shared by train, reproduce and bench.</summary>
public sealed class EngineOptions
{
    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "cpu (fused SIMD C#, default), torch (TorchSharp bmm) or gpu (ILGPU kernels; see --device)",
        DefaultValueFactory = _ => "cpu",
    };

    public Option<string> Device { get; } = new("--device")
    {
        Description = "For --engine gpu: auto (CUDA when ILGPU finds a device, else ILGPU's CPU accelerator with a notice), cuda or cpu",
        DefaultValueFactory = _ => "auto",
    };

    public EngineOptions()
    {
        Engine.AcceptOnlyFromAmong("cpu", "torch", "gpu");
        Device.AcceptOnlyFromAmong("auto", "cuda", "cpu");
    }

    /// <summary>The parsed choice; for the gpu engine the device is opened here, so a missing one is a usage error and the fallback notice comes first.</summary>
    public EngineChoice Parse(ParseResult parse)
    {
        var choice = EngineChoice.Parse(parse.GetValue(Engine)!, parse.GetValue(Device)!);
        if (choice.Kind != EngineKind.Gpu && choice.Device != DevicePreference.Auto)
            throw new UsageException($"--device {parse.GetValue(Device)} applies to --engine gpu only");
        if (choice.Kind == EngineKind.Torch && !LibTorch.Available)
            throw new UsageException("--engine torch: this build has no libtorch (it was built with -p:TorchDevice=none)");
        if (choice.OpenDevice() is { Notice: string notice }) Output.Notice(notice);
        return choice;
    }
}
