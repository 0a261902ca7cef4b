namespace StrassenRepro.Model.Gpu;

/// <summary>Where the gpu engine runs: CUDA when ILGPU finds a device (auto), a CUDA device or nothing, or ILGPU's CPU accelerator.</summary>
public enum DevicePreference { Auto, Cuda, Cpu }
