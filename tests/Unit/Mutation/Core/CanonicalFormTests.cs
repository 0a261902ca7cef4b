using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class CanonicalFormTests
{
    private static readonly Shape One = new(1, 1, 1);

    [Fact]
    public void A_slot_with_an_all_zero_U_keeps_the_sign_of_its_W()
    {
        var s = new Scheme(One, 1, [0], [1], [1]);
        CanonicalForm.Of(s).ToScheme().WFlat.ToArray().Should().Equal(1);
    }

    [Fact]
    public void A_slot_with_an_all_zero_V_keeps_the_sign_of_its_W()
    {
        var s = new Scheme(One, 1, [1], [0], [1]);
        CanonicalForm.Of(s).ToScheme().WFlat.ToArray().Should().Equal(1);
    }

    [Fact]
    public void A_slot_whose_U_starts_negative_is_flipped_with_its_W()
    {
        var s = new Scheme(One, 1, [-2], [3], [5]);
        var c = CanonicalForm.Of(s).ToScheme();
        c.UFlat.ToArray().Should().Equal(2);
        c.VFlat.ToArray().Should().Equal(3);
        c.WFlat.ToArray().Should().Equal(-5);
    }

    [Fact]
    public void Two_identical_slots_can_be_put_in_canonical_order()
    {
        var s = new Scheme(One, 2, [1, 1], [1, 1], [1, 1]);
        var form = CanonicalForm.Of(s);
        form.Slots.Should().HaveCount(2);
        form.Slots[0].Should().Equal(form.Slots[1]);
    }

    [Fact]
    public void A_canonical_form_is_not_equal_to_null()
    {
        CanonicalForm.Of(KnownSchemes.Strassen()).Equals(null).Should().BeFalse();
    }

    [Fact]
    public void Empty_schemes_of_different_shapes_have_different_canonical_forms()
    {
        var a = CanonicalForm.Of(new Scheme(One, 0, [], [], []));
        var b = CanonicalForm.Of(new Scheme(Shape.Square2, 0, [], [], []));
        a.Equals(b).Should().BeFalse();
        a.Equals(CanonicalForm.Of(new Scheme(One, 0, [], [], []))).Should().BeTrue();
    }
}
