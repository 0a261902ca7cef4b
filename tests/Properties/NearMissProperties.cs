using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Properties;

/// <summary>Near misses of Strassen, enumerated exhaustively (not sampled), are all rejected.</summary>
[Trait("Category", "Fast")]
public class NearMissProperties
{
    private static readonly VerificationOptions Options = new() { TransferLevels = [1, 2] };

    public static IEnumerable<(string Where, Scheme Scheme)> SingleCoefficientChanges()
    {
        var s = KnownSchemes.Strassen();
        for (int part = 0; part < 3; part++)
        {
            var rows = part switch { 0 => s.URows(), 1 => s.VRows(), _ => s.WRows() };
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < rows[i].Length; j++)
                    foreach (var value in new double[] { -1, 0, 1 })
                    {
                        if (value == rows[i][j]) continue;
                        var copy = rows.Select(r => r.ToArray()).ToArray();
                        copy[i][j] = value;
                        var changed = part switch
                        {
                            0 => Scheme.FromRows(s.Shape, copy, s.VRows(), s.WRows()),
                            1 => Scheme.FromRows(s.Shape, s.URows(), copy, s.WRows()),
                            _ => Scheme.FromRows(s.Shape, s.URows(), s.VRows(), copy),
                        };
                        yield return ($"{"UVW"[part]}[{i},{j}] {rows[i][j]} -> {value}", changed);
                    }
        }
    }

    [Fact]
    public void Every_one_of_the_168_single_coefficient_changes_of_Strassen_is_rejected()
    {
        var changes = SingleCoefficientChanges().ToList();
        changes.Should().HaveCount(168);
        foreach (var (where, scheme) in changes)
        {
            BrentCheck.Exact(scheme).IsValid.Should().BeFalse(where);
            var report = Verifier.Verify(scheme, Options);
            report.Valid.Should().BeFalse(where);
            report.Outcome.Should().Be(Outcome.Invalid, where);
        }
    }

    [Fact]
    public void Dropping_any_slot_of_Strassen_is_rejected()
    {
        var s = KnownSchemes.Strassen();
        for (int drop = 0; drop < 7; drop++)
        {
            var six = s.SelectSlots(Enumerable.Range(0, 7).Where(r => r != drop).ToArray());
            BrentCheck.Exact(six).IsValid.Should().BeFalse($"slot {drop} dropped");
        }
    }

    [Fact]
    public void Swapping_any_two_rows_of_W_is_rejected()
    {
        var s = KnownSchemes.Strassen();
        for (int a = 0; a < 4; a++)
            for (int b = a + 1; b < 4; b++)
            {
                var w = s.WRows();
                (w[a], w[b]) = (w[b], w[a]);
                BrentCheck.Exact(Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w)).IsValid.Should().BeFalse($"rows {a} and {b} swapped");
            }
    }
}
