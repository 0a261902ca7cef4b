using System.Runtime.CompilerServices;
using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

/// <summary>
/// Pins MKL's code path before any test touches libtorch: several tests call TorchSharp directly (reference
/// gradients), and MKL reads MKL_CBWR once, at its first computation, so the engine's own Ensure would come too late.
/// </summary>
internal static class MklModuleSetup
{
    [ModuleInitializer]
    internal static void PinMklBeforeAnyTest() => MklReproducibility.Ensure();
}
