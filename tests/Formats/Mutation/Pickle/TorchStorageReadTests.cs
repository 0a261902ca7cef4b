using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>Reading storage elements: a byte offset past 2^31 never wraps onto another element; the default limits are as documented.</summary>
[Trait("Category", "Fast")]
public class TorchStorageReadTests
{
    [Fact]
    public void An_element_whose_byte_offset_passes_int_range_is_not_read_from_a_wrapped_offset()
    {
        // 2^29 * 8 bytes = 2^32, which truncated to 32 bits would be byte 0 of this storage.
        var storage = BitConverter.GetBytes(1.5);
        var act = () => TorchElementType.Float64.Read(storage, 1L << 29, false, "t.pt");
        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Default_limits_cap_a_file_at_128_MiB_its_pickle_at_64_MiB_and_an_array_at_4_Mi_elements()
    {
        PickleLimits.Default.MaxPickleBytes.Should().Be(67_108_864);
        PickleLimits.Default.MaxTotalBytes.Should().Be(134_217_728);
        PickleLimits.Default.MaxElements.Should().Be(4_194_304);
    }
}
