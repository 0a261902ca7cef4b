using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

/// <summary>Exact fractions are checked over Q as given; delta, Q and S(theta) stay the paper's.</summary>
[Trait("Category", "Fast")]
public class RationalVerdictTests
{
    private static readonly VerificationOptions Small = new() { TransferLevels = [1, 2] };

    /// <summary>The halved Strassen with W[0][0] (1/2) moved by `by`.</summary>
    private static Scheme HalvesWithW00(double by)
    {
        var s = RationalSchemeTests.StrassenWithHalves();
        var w = s.WRows();
        w[0][0] += by;
        return Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
    }

    /// <summary>Strassen with U[0][0] = 7/8: not exact, but Q rounds it back to Strassen.</summary>
    private static Scheme StrassenWithU00SevenEighths()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][0] = 0.875;
        return Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
    }

    [Fact]
    public void Exact_check_over_Q_accepts_the_halved_Strassen_and_names_the_first_failure_as_a_fraction()
    {
        var halves = RationalScheme.FromDyadic(RationalSchemeTests.StrassenWithHalves())!;
        BrentCheck.Exact(halves).IsValid.Should().BeTrue();
        var off = BrentCheck.Exact(RationalScheme.FromDyadic(HalvesWithW00(0.125))!);
        off.IsValid.Should().BeFalse();
        off.Ring.Should().Be(Ring.Z);
        off.FirstViolation!.Value.Actual.Should().Be("5/4");
        off.FirstViolation!.Value.Expected.Should().Be(1);
    }

    [Fact]
    public void A_valid_rational_scheme_is_valid_continuous_with_S_0_and_transfers_its_fractions()
    {
        var r = Verifier.Verify(RationalSchemeTests.StrassenWithHalves(), Small);
        r.ExactArithmetic.Should().Be("rational");
        r.InputIntegral.Should().BeFalse();
        r.BrentValid.Should().BeTrue();
        r.STheta.Should().Be(0, "Q rounds the halves to 0");
        r.Delta.Should().Be(1, "Q clamps the 2s of U");
        r.Outcome.Should().Be(Outcome.Continuous);
        r.CanonicalStrassen.Should().BeFalse();
        r.TransferOf.Should().Be("rational");
        r.Transfer.Should().OnlyContain(t => t.Pass && t.MaxRelErrorF64 < 1e-14);
        r.Valid.Should().BeTrue();
        r.Verdict.Should().Be("VALID");
    }

    [Fact]
    public void One_coefficient_off_by_an_eighth_is_invalid_even_where_Q_would_repair_it()
    {
        var r = Verifier.Verify(StrassenWithU00SevenEighths(), Small);
        r.ExactArithmetic.Should().Be("rational");
        r.BrentValid.Should().BeFalse();
        r.STheta.Should().Be(1, "Q of the kept slots is Strassen: the paper's S");
        r.Outcome.Should().Be(Outcome.Invalid);
        r.TransferOf.Should().Be("rational");
        r.Transfer.Should().Contain(t => !t.Pass);
        r.Valid.Should().BeFalse();
    }

    [Fact]
    public void A_rational_scheme_whose_rounding_is_also_exact_is_discrete()
    {
        // Strassen plus an eighth slot that multiplies nothing into C: U = [1/2, 0, 0, 0], W column 0.
        var s = KnownSchemes.Strassen();
        var u = s.URows().Append([0.5, 0, 0, 0]).ToArray();
        var v = s.VRows().Append([1, 0, 0, 0]).ToArray();
        var w = s.WRows().Select(row => row.Append(0).ToArray()).ToArray();
        var r = Verifier.Verify(Scheme.FromRows(s.Shape, u, v, w), Small with { Rank = 8 });
        r.ExactArithmetic.Should().Be("rational");
        r.STheta.Should().Be(1);
        r.Outcome.Should().Be(Outcome.Discrete);
        r.Valid.Should().BeTrue();
    }

    [Fact]
    public void A_non_dyadic_real_scheme_is_rounded_and_a_rational_one_is_refused_over_F2()
    {
        Verifier.Verify(KnownSchemes.Strassen().Map(x => x * 1.01), Small).ExactArithmetic.Should().Be("rounded");
        Verifier.Verify(KnownSchemes.Strassen(), Small).ExactArithmetic.Should().Be("integer");
        var act = () => Verifier.Verify(RationalSchemeTests.StrassenWithHalves(), Small with { Ring = Ring.F2 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*F2*integer*");
    }

    [Fact]
    public void Declared_fractions_decide_the_arithmetic_even_when_their_doubles_are_integers()
    {
        // 2^52 + 1/2 is not a double: its nearest double is an integer, the declared fraction is not.
        var kept = KnownSchemes.Strassen();
        var declared = RationalScheme.FromDyadic(kept)!;
        var u = Enumerable.Range(0, 28).Select(i => declared.U(i / 4, i % 4)).ToArray();
        var v = Enumerable.Range(0, 28).Select(i => declared.V(i / 4, i % 4)).ToArray();
        var w = Enumerable.Range(0, 28).Select(i => declared.W(i / 7, i % 7)).ToArray();
        w[0] = new Fraction((1L << 53) + 1, 2);
        var judgement = Judgement.Of(kept, Ring.Z, new RationalScheme(Shape.Square2, 7, u, v, w));
        judgement.Arithmetic.Should().Be(ExactArithmetic.Rational);
        judgement.Brent.IsValid.Should().BeFalse();
        judgement.CheckedAsGiven.Should().BeTrue();
        Judgement.Of(kept, Ring.Z, declared).Arithmetic.Should().Be(ExactArithmetic.Integer);
    }

    [Fact]
    public void Judging_the_kept_slots_of_a_record_selects_the_declared_fractions_too()
    {
        var s = RationalSchemeTests.StrassenWithHalves();
        var judgement = Verifier.Judge(s, [0, 1, 2, 3, 4, 5, 6], Ring.Z, RationalScheme.FromDyadic(s));
        judgement.Arithmetic.Should().Be(ExactArithmetic.Rational);
        judgement.Rational!.Rank.Should().Be(7);
        Verifier.Judge(s, [0, 1], Ring.Z).Rational!.Rank.Should().Be(2);
        var rounded = Judgement.Of(s.Map(x => x * 1.01), Ring.Z);
        rounded.CheckedAsGiven.Should().BeFalse();
        rounded.Rational.Should().BeNull();
        ExactArithmetic.Integer.ToWire().Should().Be("integer");
    }
}
