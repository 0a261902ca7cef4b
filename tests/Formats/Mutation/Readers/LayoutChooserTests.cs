using System.Text.RegularExpressions;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Which orientations fit, which candidate the chooser picks, and how it says so.</summary>
[Trait("Category", "Fast")]
public class LayoutChooserTests
{
    private static Matrix M(double[][] rows) => new(rows.Length, rows[0].Length, rows.SelectMany(r => r).ToArray());

    private static Matrix Ones(int rows, int columns) => new(rows, columns, Enumerable.Repeat(1.0, rows * columns).ToArray());

    /// <summary>The scheme as an "ffl-rrr" file stores it: U and V slots first, W slots last, row-major.</summary>
    private static (Matrix U, Matrix V, Matrix W) Ffl(Scheme s) => (M(s.URows()), M(s.VRows()), M(s.WRows()));

    private static LayoutChooser.Choice Choose(Matrix u, Matrix v, Matrix w, string? forced = null) =>
        LayoutChooser.Choose(u, v, w, VerificationOptions.Default, forced, "t");

    [Fact]
    public void Detection_picks_the_first_valid_candidate_in_preference_order_and_counts_the_valid_ones()
    {
        var (u, v, w) = Ffl(KnownSchemes.Strassen());
        var choice = Choose(u, v, w);
        choice.Layout.Name.Should().Be("ffl-rrr");
        choice.Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
        var how = Regex.Match(choice.How, @"^detected: first valid of (\d+) candidates \((\d+) valid\)$");
        how.Success.Should().BeTrue(choice.How);
        int tried = int.Parse(how.Groups[1].Value), valid = int.Parse(how.Groups[2].Value);
        valid.Should().BeInRange(1, tried);
    }

    [Fact]
    public void When_every_reading_is_valid_all_are_counted_and_the_first_wins()
    {
        // A rank-1 <1,1,1> scheme [1]·[1]·[1] is valid under every flattening of the one orientation pair that fits it.
        var choice = Choose(Ones(1, 1), Ones(1, 1), Ones(1, 1));
        choice.How.Should().MatchRegex(@"^detected: first valid of (\d+) candidates \(\1 valid\)$");
        choice.Layout.Name.Should().Be("ffl-rrr", "the first of several valid readings wins");
    }

    // U and V are 4 x 1 and W is 1 x 4: read "ffl" they are a <1,1,1> scheme of rank 4 (all ones: residual 3),
    // read "llf" a <2,2,2> scheme of rank 1 (all ones: residual 1). No reading is valid, and all eight
    // flattenings of an all-ones scheme tie.
    private static (Matrix U, Matrix V, Matrix W) NeverValid() => (Ones(4, 1), Ones(4, 1), Ones(1, 4));

    [Fact]
    public void Without_a_valid_candidate_the_least_residual_wins_even_when_it_is_not_the_first_tried()
    {
        var (u, v, w) = NeverValid();
        var choice = Choose(u, v, w);
        choice.How.Should().Be("detected: least Brent residual of 16 candidates (none valid)");
        choice.Layout.Orientation.Should().Be("llf");
        choice.Scheme.Shape.Should().Be(new Shape(2, 2, 2));
    }

    [Fact]
    public void Among_candidates_with_equal_residuals_the_first_in_preference_order_wins()
    {
        var (u, v, w) = NeverValid();
        Choose(u, v, w).Layout.Name.Should().Be("llf-rrr");
    }

    [Fact]
    public void A_forced_flattening_still_detects_the_orientation_and_says_it_was_forced()
    {
        var (u, v, w) = NeverValid();
        var choice = Choose(u, v, w, "rrc");
        choice.Layout.Name.Should().Be("llf-rrc");
        choice.How.Should().Be("detected: least Brent residual of 2 candidates (none valid) within --layout rrc");
    }

    [Fact]
    public void A_fully_forced_layout_is_the_only_candidate_and_says_forced()
    {
        var (u, v, w) = NeverValid();
        var choice = Choose(u, v, w, "llf-ccr");
        choice.Layout.Name.Should().Be("llf-ccr");
        choice.How.Should().Be("forced");
    }

    [Fact]
    public void Factors_with_different_ranks_fit_no_shape()
    {
        var (u, v, w) = Ffl(KnownSchemes.Strassen());
        var wrongW = new Matrix(4, 6, w.Data.Where((_, i) => i % 7 != 6).ToArray());
        var act = () => Choose(u, v, wrongW, "ffl-rrr");
        act.Should().Throw<SchemeFormatException>().WithMessage("*fit no matrix-multiplication shape in orientation 'ffl'*");
        var wrongV = new Matrix(6, 4, v.Data[..24]);
        var actV = () => Choose(u, wrongV, w, "ffl-rrr");
        actV.Should().Throw<SchemeFormatException>().WithMessage("*fit no matrix-multiplication shape*");
    }

    [Fact]
    public void A_one_by_one_by_one_scheme_fits()
    {
        var choice = Choose(Ones(1, 1), Ones(1, 1), Ones(1, 1), "ffl-rrr");
        choice.Scheme.Shape.Should().Be(new Shape(1, 1, 1));
        choice.Scheme.Rank.Should().Be(1);
    }

    [Theory]
    [InlineData(64, 1, 1)]
    [InlineData(1, 64, 1)]
    [InlineData(1, 1, 64)]
    public void A_dimension_of_64_fits(int n, int m, int p)
    {
        var shape = new Shape(n, m, p);
        var (u, v, w) = Ffl(KnownSchemes.Naive(shape));
        var choice = Choose(u, v, w, "ffl-rrr");
        choice.Scheme.Shape.Should().Be(shape);
        choice.Scheme.CoefficientsEqual(KnownSchemes.Naive(shape)).Should().BeTrue();
    }

    [Theory]
    [InlineData(65, 1, 1)]
    [InlineData(1, 65, 1)]
    [InlineData(1, 1, 65)]
    public void A_dimension_over_64_fits_no_shape(int n, int m, int p)
    {
        // Naive-sized factors of <n,m,p> (rank nmp), all zero: only the sizes matter here.
        int rank = n * m * p;
        var act = () => Choose(new Matrix(rank, n * m, new double[rank * n * m]), new Matrix(rank, m * p, new double[rank * m * p]),
            new Matrix(n * p, rank, new double[n * p * rank]), "ffl-rrr");
        act.Should().Throw<SchemeFormatException>().WithMessage("*fit no matrix-multiplication shape*");
    }
}
