using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Safe zip entry names, and entry reads bounded by their declared size.</summary>
[Trait("Category", "Fast")]
public class ZipSafetyTests
{
    private static readonly byte[] Ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [InlineData("C:")]
    [InlineData("c:data.pkl")]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("a\uFFFDb")]
    [InlineData("\uFFFD")]
    public void Drive_letters_control_characters_and_undecodable_names_are_unsafe(string name)
    {
        var act = () => ZipSafety.CheckName(name, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: unsafe zip entry name*");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("archive/data.pkl")]
    [InlineData("ab:")]
    public void Plain_names_are_safe(string name)
    {
        var act = () => ZipSafety.CheckName(name, "t.zip");
        act.Should().NotThrow();
    }

    [Fact]
    public void The_empty_name_is_unsafe()
    {
        var act = () => ZipSafety.CheckName("", "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: unsafe zip entry name ''");
    }

    [Fact]
    public void A_name_of_exactly_512_characters_is_accepted()
    {
        var act = () => ZipSafety.CheckName(new string('a', 512), "t.zip");
        act.Should().NotThrow();
    }

    [Fact]
    public void A_name_of_513_characters_is_unsafe()
    {
        var act = () => ZipSafety.CheckName(new string('a', 513), "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: unsafe zip entry name 'aaa*");
    }

    [Fact]
    public void An_empty_entry_reads_as_no_bytes()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("empty", [])));
        ZipSafety.ReadExactly(zip.Entries[0], 0, "t.zip").Should().BeEmpty();
    }

    [Fact]
    public void A_negative_length_is_refused()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("ten", Ten)));
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], -1, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("*is too large*");
        var huge = () => ZipSafety.ReadExactly(zip.Entries[0], (long)int.MaxValue + 1, "t.zip");
        huge.Should().Throw<SchemeFormatException>().WithMessage("*is too large*");
    }

    [Fact]
    public void A_length_of_exactly_the_largest_array_is_not_too_large_and_fails_as_truncated_without_allocating_it()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("ten", Ten)));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], Array.MaxLength, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.zip: entry 'ten' is truncated (10 of {Array.MaxLength} bytes)");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64L << 20, "the buffer grows as data arrives");
    }

    [Fact]
    public void A_length_one_past_the_largest_array_is_too_large()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("ten", Ten)));
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], (long)Array.MaxLength + 1, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: entry 'ten' is too large");
    }

    [Theory]
    [InlineData(CompressionLevel.Optimal, 2.0)]
    [InlineData(CompressionLevel.NoCompression, 2.0)] // a stored entry's stream fills each buffer whole
    [InlineData(CompressionLevel.Optimal, 1.5)] // the second buffer is capped at the length, not doubled past it
    public void An_entry_larger_than_the_first_buffer_is_read_whole_and_exactly(CompressionLevel level, double buffers)
    {
        var data = Enumerable.Range(0, (int)(buffers * ZipSafety.InitialBufferBytes) + 3).Select(i => (byte)(i * 31 + (i >> 11))).ToArray();
        using var zip = ZipBytes.Open(ZipBytes.Create(level, ("big", data)));
        var read = ZipSafety.ReadExactly(zip.Entries[0], data.Length, "t.zip");
        read.Should().HaveCount(data.Length);
        read.AsSpan().SequenceEqual(data).Should().BeTrue();
    }

    [Fact]
    public void Reading_a_prefix_of_an_entry_returns_just_that_prefix()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("ten", Ten)));
        ZipSafety.ReadExactly(zip.Entries[0], 4, "t.zip").Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void Reading_more_than_an_entry_holds_is_truncated()
    {
        using var zip = ZipBytes.Open(ZipBytes.Create(("ten", Ten)));
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], 20, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: entry 'ten' is truncated (10 of 20 bytes)");
    }

    [Fact]
    public void A_stored_entry_that_holds_more_than_its_declared_size_inflates_past_it()
    {
        var lying = ZipBytes.WithDeclaredSize(ZipBytes.Create(CompressionLevel.NoCompression, ("ten", Ten)), 6);
        using var zip = ZipBytes.Open(lying);
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], zip.Entries[0].Length, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: entry 'ten' inflates past its declared 6 bytes");
    }

    [Fact]
    public void A_deflated_entry_that_holds_more_than_its_declared_size_is_refused()
    {
        // The runtime stops inflating at the declared size; the CRC of the cut data then fails.
        var lying = ZipBytes.WithDeclaredSize(ZipBytes.Create(CompressionLevel.Optimal, ("ten", Ten)), 6);
        using var zip = ZipBytes.Open(lying);
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], zip.Entries[0].Length, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: entry 'ten' fails its CRC check*");
    }

    [Fact]
    public void An_entry_whose_CRC_does_not_match_is_refused()
    {
        var bad = ZipBytes.WithCrc(ZipBytes.Create(CompressionLevel.NoCompression, ("ten", Ten)), 12345);
        using var zip = ZipBytes.Open(bad);
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], 10, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("*CRC*");
    }

    [Fact]
    public void Undecodable_compressed_data_is_a_corrupted_entry()
    {
        var bad = ZipBytes.WithCorruptedData(ZipBytes.Create(("data", Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray())));
        using var zip = ZipBytes.Open(bad);
        var act = () => ZipSafety.ReadExactly(zip.Entries[0], 1000, "t.zip");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.zip: corrupted zip entry 'data'*");
    }

    [Fact]
    public void The_CRC_is_the_standard_zip_CRC32()
    {
        ZipSafety.Crc32("123456789"u8).Should().Be(0xCBF43926u);
        ZipSafety.Crc32([]).Should().Be(0u);
        ZipSafety.Crc32(new byte[] { 0xFF, 0x80, 0x00, 0x42 }).Should().Be(0x86A6E2D1u);
    }
}
