using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// cache_analysis_v2.py's arithmetic (:32-83). Its output (experiments/cache_analysis_results.json): range [8, 1024]
/// for every L3 (35, 12, 12, 6 and 1 MB).
/// </summary>
[Trait("Category", "Fast")]
public class CacheArithmeticTests
{
    [Fact]
    public void B_1024_needs_321_KB()
    {
        CacheArithmetic.TotalBytes(1024).Should().Be(1152 + 1024 * 320);
        (CacheArithmetic.TotalBytes(1024) / 1024.0).Should().BeApproximately(321.1, 0.05);
        (CacheArithmetic.TotalBytes(128) / 1024.0).Should().BeApproximately(41.1, 0.05);
    }

    [Fact]
    public void Every_listed_cache_holds_B_8_to_1024_as_the_result_file_says()
    {
        CacheArithmetic.Caches.Select(c => c.Mib).Should().Equal(35, 12, 12, 6, 1);
        CacheArithmetic.Caches.Select(c => CacheArithmetic.CoherentRange(c.Mib)).Should().AllBeEquivalentTo((8, 1024));
        CacheArithmetic.CoherentRange(0).Should().BeNull();
    }
}
