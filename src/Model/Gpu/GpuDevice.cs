using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// An ILGPU accelerator with the engine's kernels compiled for it, opened once per process and preference (opening
/// and compiling cost about a second). Name, kind and driver are recorded with every run trained on it.
/// </summary>
public sealed class GpuDevice : IDisposable
{
    private static readonly Dictionary<DevicePreference, GpuDevice> Opened = [];
    private readonly Context _context;

    static GpuDevice()
    {
        // ILGPU imports the driver as "cuda" (libcuda.so); many machines have only the driver's soname, libcuda.so.1.
        try { NativeLibrary.SetDllImportResolver(typeof(Context).Assembly, ResolveCuda); }
        catch (InvalidOperationException) { }   // a resolver is already set: keep it
    }

    private static IntPtr ResolveCuda(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == "cuda" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libcuda.so.1", out var handle) ? handle : IntPtr.Zero;

    /// <summary>The device's own name (e.g. "NVIDIA H200", or ILGPU's "CPUAccelerator").</summary>
    public string Name { get; }
    /// <summary>"cuda" or "cpu-accelerator".</summary>
    public string Kind { get; }
    /// <summary>The CUDA driver version the device reports; null on the CPU accelerator.</summary>
    public string? Driver { get; }
    /// <summary>A line for the user when auto fell back to the CPU accelerator; null otherwise.</summary>
    public string? Notice { get; }

    internal Accelerator Accelerator { get; }
    internal int GroupSize { get; }
    internal Action<KernelConfig, StepScalars, PopulationViews> Fast { get; }
    internal Action<KernelConfig, StepScalars, PopulationViews, int> Generic { get; }
    internal Action<KernelConfig, int, int, long, ArrayView<long>, ArrayView<int>> Shuffle { get; }

    private GpuDevice(Context context, Accelerator accelerator, string? driver, string? notice)
    {
        _context = context;
        Accelerator = accelerator;
        Name = accelerator.Name;
        Kind = accelerator.AcceleratorType == AcceleratorType.Cuda ? "cuda" : "cpu-accelerator";
        Driver = driver;
        Notice = notice;
        // 128 threads a group: the R = 8 kernel holds ~200 registers a thread, and 128 x 255 fits any CUDA device.
        GroupSize = Math.Min(128, accelerator.MaxNumThreadsPerGroup);
        Fast = accelerator.LoadStreamKernel<StepScalars, PopulationViews>(StepKernels.Fast);
        Generic = accelerator.LoadStreamKernel<StepScalars, PopulationViews, int>(StepKernels.Generic);
        Shuffle = accelerator.LoadStreamKernel<int, int, long, ArrayView<long>, ArrayView<int>>(ShuffleKernel.Shuffle);
    }

    /// <summary>The process's device for a preference, opened on first use.</summary>
    public static GpuDevice Get(DevicePreference preference)
    {
        lock (Opened)
        {
            if (!Opened.TryGetValue(preference, out var device)) Opened[preference] = device = Open(preference);
            return device;
        }
    }

    private static GpuDevice Open(DevicePreference preference)
    {
        var context = Context.Create(builder => builder.Cuda().CPU().Optimize(OptimizationLevel.O2));
        try
        {
            if (preference != DevicePreference.Cpu)
            {
                var cuda = context.GetCudaDevices();
                if (cuda.Count > 0)
                {
                    var device = cuda[0];
                    return new GpuDevice(context, device.CreateCudaAccelerator(context), device.DriverVersion.ToString(), null);
                }
                if (preference == DevicePreference.Cuda)
                    throw new GpuUnavailableException("--device cuda: ILGPU found no CUDA device (is the NVIDIA driver installed?)");
            }
            string? notice = preference == DevicePreference.Auto
                ? "no CUDA device found: the gpu engine runs on ILGPU's CPU accelerator (same kernels, far slower)"
                : null;
            return new GpuDevice(context, context.GetCPUDevice(0).CreateCPUAccelerator(context), null, notice);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>A launch over `threads` threads in groups of GroupSize.</summary>
    internal KernelConfig Launch(int threads) => new((threads + GroupSize - 1) / GroupSize, GroupSize);

    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
