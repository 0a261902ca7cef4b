namespace StrassenRepro.Model.Gpu;

/// <summary>No device of the kind asked for (for example --device cuda on a machine without an NVIDIA driver).</summary>
public sealed class GpuUnavailableException(string message) : Exception(message);
