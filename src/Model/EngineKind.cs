namespace StrassenRepro.Model;

public enum EngineKind
{
    /// <summary>Hand-written SIMD C#: each run's step in one pass over its own data (the fast default).</summary>
    Cpu,
    /// <summary>TorchSharp: [P, R, 4] tensors and bmm over the run axis (the reference batched program).</summary>
    Torch,
    /// <summary>ILGPU kernels, one run per GPU thread: CUDA when a device is found, else ILGPU's CPU accelerator.</summary>
    Gpu,
}
