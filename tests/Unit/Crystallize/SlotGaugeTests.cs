using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class SlotGaugeTests
{
    [Fact]
    public void Normalising_a_rescaled_integer_scheme_gives_back_largest_entries_of_plus_one()
    {
        var strassen = KnownSchemes.Strassen();
        var scaled = strassen;
        for (int r = 0; r < 7; r++) scaled = SchemeSymmetry.ScaleSlot(scaled, r, -2.5 + r, 0.25 * (r + 1));
        var normal = SlotGauge.Normalize(scaled);
        for (int r = 0; r < 7; r++)
        {
            SlotGauge.LargestEntry(normal.URow(r)).Should().Be(1);
            SlotGauge.LargestEntry(normal.VRow(r)).Should().Be(1);
        }
        BrentCheck.MaxResidual(normal).Should().BeLessThan(1e-14);
        normal.Coefficients().Should().OnlyContain(c => Math.Abs(c - Math.Round(c)) < 1e-14);
    }

    [Fact]
    public void A_slot_with_a_zero_factor_is_left_as_it_is()
    {
        var s = Scheme.FromRows(new Shape(1, 1, 1), [[0], [2]], [[3], [-4]], [[5, 6]]);
        var normal = SlotGauge.Normalize(s);
        normal.URow(0).ToArray().Should().Equal(0);
        normal.VRow(0).ToArray().Should().Equal(3);
        normal.W(0, 0).Should().Be(5);
        // Slot 1: U by 1/2, V by -1/4, W by -8.
        normal.URow(1).ToArray().Should().Equal(1);
        normal.VRow(1).ToArray().Should().Equal(1);
        normal.W(0, 1).Should().Be(-48);
    }

    [Fact]
    public void A_zero_V_also_leaves_the_slot_alone()
    {
        var s = Scheme.FromRows(new Shape(1, 1, 1), [[2]], [[0]], [[5]]);
        SlotGauge.Normalize(s).CoefficientsEqual(s).Should().BeTrue();
    }

    [Theory]
    [InlineData(new double[] { 0, 0 }, 0)]
    [InlineData(new double[] { 1, -3, 2 }, -3)]
    [InlineData(new double[] { 2, -2 }, 2)]
    [InlineData(new double[] { -2, 2 }, -2)]
    public void The_largest_entry_keeps_its_sign_and_the_first_wins_a_tie(double[] row, double expected) =>
        SlotGauge.LargestEntry(row).Should().Be(expected);
}
