namespace StrassenRepro.Crystallization;

/// <summary>Slot importance ||U_r|| * ||V_r|| * ||W_:,r|| (L2 norms), as the paper prunes by it.</summary>
public static class SlotImportance
{
    public static double[] Of(Scheme s)
    {
        var importance = new double[s.Rank];
        for (int r = 0; r < s.Rank; r++)
            importance[r] = Norm(s.URow(r)) * Norm(s.VRow(r)) * Norm(s.WColumn(r));
        return importance;
    }

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var x in values) sum += x * x;
        return Math.Sqrt(sum);
    }
}
