using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Tests.Model;

/// <summary>
/// The kernels compile to PTX for a Hopper GPU (sm_90) on a machine without one, and without CUDA's libdevice: the
/// engine must run with the NVIDIA driver alone, so a kernel that reached for System.Math's exp or log (libdevice
/// functions in ILGPU) fails here rather than on the GPU runner.
/// </summary>
[Trait("Category", "Fast")]
public class GpuKernelPtxTests
{
    public static TheoryData<string> Kernels => new() { nameof(StepKernels.Fast), nameof(StepKernels.Generic), nameof(ShuffleKernel.Shuffle) };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Each_kernel_compiles_to_ptx_for_sm_90_without_libdevice(string name)
    {
        var method = typeof(StepKernels).GetMethod(name) ?? typeof(ShuffleKernel).GetMethod(name)!;
        using var context = Context.Create(builder => builder.Optimize(OptimizationLevel.O2));
        using var backend = new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(method), default);
        // ILGPU targets the lowest architecture the kernel needs; the driver compiles that PTX for the device at load.
        compiled.PTXAssembly.Should().Contain(".version 8.8").And.Contain(".target sm_").And.Contain(".entry");
        compiled.PTXAssembly.Should().NotContain("__nv_", "no libdevice function may be called");
    }
}
