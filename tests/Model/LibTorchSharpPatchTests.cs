namespace StrassenRepro.Tests.Model;

/// <summary>The in-place ELF patch of build/LibTorchSharpPatch.cs, on copies of the real libLibTorchSharp.so.</summary>
[Trait("Category", "Fast")]
public class LibTorchSharpPatchTests
{
    private static string OutputLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>The shim as shipped: the output copy with the weak bit cleared again (the only byte the patch touches).</summary>
    private static byte[] Original()
    {
        var bytes = File.ReadAllBytes(OutputLibrary);
        long at = LibTorchSharpPatch.FindVernauxFlags(bytes, LibTorchSharpPatch.Version);
        at.Should().BeGreaterThan(0, "TorchSharp 0.107's shim requires GLIBCXX_3.4.32");
        bytes[at] &= unchecked((byte)~LibTorchSharpPatch.VerFlagWeak);
        return bytes;
    }

    [Fact]
    public void Marking_GLIBCXX_3_4_32_weak_changes_exactly_one_byte_by_the_weak_flag()
    {
        var original = Original();
        var patched = (byte[])original.Clone();
        LibTorchSharpPatch.MarkWeak(patched).Should().BeTrue();
        var differences = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        differences.Should().ContainSingle();
        long at = LibTorchSharpPatch.FindVernauxFlags(patched, LibTorchSharpPatch.Version);
        differences[0].Should().Be((int)at);
        (patched[at] ^ original[at]).Should().Be(LibTorchSharpPatch.VerFlagWeak);
    }

    [Fact]
    public void Patching_twice_changes_nothing_the_second_time()
    {
        var bytes = Original();
        LibTorchSharpPatch.MarkWeak(bytes).Should().BeTrue();
        var once = (byte[])bytes.Clone();
        LibTorchSharpPatch.MarkWeak(bytes).Should().BeFalse();
        bytes.Should().Equal(once);
    }

    [Fact]
    public void Other_version_requirements_are_found_but_left_strong()
    {
        var bytes = Original();
        LibTorchSharpPatch.MarkWeak(bytes);
        long other = LibTorchSharpPatch.FindVernauxFlags(bytes, "GLIBCXX_3.4.18");
        other.Should().BeGreaterThan(0);
        (bytes[other] & LibTorchSharpPatch.VerFlagWeak).Should().Be(0);
        LibTorchSharpPatch.FindVernauxFlags(bytes, "GLIBCXX_9.9.99").Should().Be(-1);
    }

    [Fact]
    public void A_file_that_is_not_ELF_is_refused()
    {
        var act = () => LibTorchSharpPatch.FindVernauxFlags(new byte[128], LibTorchSharpPatch.Version);
        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void The_build_output_is_patched_exactly_when_the_system_libstdcxx_lacks_the_version()
    {
        var bytes = File.ReadAllBytes(OutputLibrary);
        long at = LibTorchSharpPatch.FindVernauxFlags(bytes, LibTorchSharpPatch.Version);
        bool weak = (bytes[at] & LibTorchSharpPatch.VerFlagWeak) != 0;
        weak.Should().Be(!LibTorchSharpPatch.SystemLibStdCxxHas(LibTorchSharpPatch.Version));
    }
}
