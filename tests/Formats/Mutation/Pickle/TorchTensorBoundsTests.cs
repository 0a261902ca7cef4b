using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>TorchTensor.Create's bounds: every strided view it accepts stays inside its storage and under the element limit.</summary>
[Trait("Category", "Fast")]
public class TorchTensorBoundsTests
{
    private static readonly StorageRef Four = new("0", TorchElementType.Float32, 4);

    private static TorchTensor Create(StorageRef storage, long offset, long[] size, long[] stride, PickleLimits? limits = null) =>
        TorchTensor.Create(storage, offset, size, stride, limits ?? PickleLimits.Default, "t.pt");

    private static Action Creating(StorageRef storage, long offset, long[] size, long[] stride, PickleLimits? limits = null) =>
        () => Create(storage, offset, size, stride, limits);

    [Fact]
    public void A_new_tensor_is_not_a_parameter() => Create(Four, 0, [4], [1]).IsParameter.Should().BeFalse();

    [Fact]
    public void Sizes_and_strides_of_different_lengths_are_refused() =>
        Creating(Four, 0, [2, 2], [1]).Should().Throw<SchemeFormatException>().WithMessage("*2 sizes but 1 strides*");

    [Fact]
    public void Eight_dimensions_are_accepted_and_nine_refused()
    {
        Create(Four, 0, Enumerable.Repeat(1L, 8).ToArray(), Enumerable.Repeat(1L, 8).ToArray()).Size.Should().HaveCount(8);
        Creating(Four, 0, Enumerable.Repeat(1L, 9).ToArray(), Enumerable.Repeat(1L, 9).ToArray())
            .Should().Throw<SchemeFormatException>().WithMessage("*9 dimensions refused*");
    }

    [Fact]
    public void A_negative_storage_offset_is_refused() =>
        Creating(Four, -1, [1], [1]).Should().Throw<SchemeFormatException>().WithMessage("*negative storage offset -1*");

    [Fact]
    public void A_negative_size_or_stride_alone_is_refused()
    {
        Creating(Four, 0, [-1], [1]).Should().Throw<SchemeFormatException>().WithMessage("*has a negative entry*");
        Creating(Four, 3, [2], [-1]).Should().Throw<SchemeFormatException>().WithMessage("*has a negative entry*");
    }

    [Fact]
    public void A_zero_stride_broadcasts_one_element()
    {
        var t = Create(Four, 3, [4], [0]);
        t.Numel.Should().Be(4);
        t.Materialize(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0x3f }, false, "t.pt").Should().Equal(1.5, 1.5, 1.5, 1.5);
    }

    [Fact]
    public void An_empty_tensor_may_sit_anywhere_since_it_reads_nothing()
    {
        Create(Four, 100, [0], [1]).Numel.Should().Be(0);
        Create(Four, 100, [3, 0], [5, 1]).Materialize(ReadOnlySpan<byte>.Empty, false, "t.pt").Should().BeEmpty();
    }

    [Fact]
    public void Exactly_the_element_limit_is_accepted_and_one_more_refused()
    {
        var limits = new PickleLimits { MaxElements = 6 };
        var storage = new StorageRef("0", TorchElementType.Float32, 7);
        Create(storage, 0, [2, 3], [3, 1], limits).Numel.Should().Be(6);
        Creating(storage, 0, [7], [1], limits).Should().Throw<SchemeFormatException>().WithMessage("*over the 6-element limit*");
    }

    [Fact]
    public void A_shape_whose_element_count_wraps_around_64_bits_is_refused()
    {
        // 4 * (2^62 + 1) = 2^64 + 4, which wraps to 4 in 64-bit arithmetic.
        Creating(Four, 0, [4, (1L << 62) + 1], [1, 0]).Should().Throw<SchemeFormatException>().WithMessage("*over the*-element limit*");
        Creating(Four, 0, [(1L << 62) + 1, 4], [0, 1]).Should().Throw<SchemeFormatException>().WithMessage("*over the*-element limit*");
    }

    [Fact]
    public void A_stride_past_the_storage_is_refused_before_it_can_overflow()
    {
        Creating(Four, 1, [3], [long.MaxValue]).Should().Throw<SchemeFormatException>().WithMessage("*stride 9223372036854775807 runs outside storage '0' of 4 elements");
        Creating(Four, 0, [2], [5]).Should().Throw<SchemeFormatException>().WithMessage("*stride 5 runs outside storage*");
    }

    [Fact]
    public void A_stride_of_a_size_one_dimension_is_never_used()
    {
        var t = Create(Four, 1, [1, 3], [long.MaxValue, 1]);
        t.Numel.Should().Be(3);
    }

    [Fact]
    public void The_last_element_may_be_the_last_of_the_storage_but_not_one_past_it()
    {
        Create(Four, 1, [3], [1]).Numel.Should().Be(3);
        Creating(Four, 1, [4], [1]).Should().Throw<SchemeFormatException>().WithMessage("*reads past storage '0' of 4 elements");
        Creating(Four, 4, [1], [1]).Should().Throw<SchemeFormatException>().WithMessage("*reads past storage*");
    }

    [Fact]
    public void A_stride_equal_to_the_storage_length_is_inside_it_so_only_the_view_reads_past_it() =>
        Creating(Four, 0, [2], [4]).Should().Throw<SchemeFormatException>().WithMessage("*tensor (offset 0, shape (2), stride (4)) reads past storage '0' of 4 elements");
}
