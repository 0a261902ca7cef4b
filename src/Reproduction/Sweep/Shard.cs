namespace StrassenRepro.Reproduction.Sweep;

/// <summary>The k-th of n deterministic parts of a plan (1-based): every n-th run of the sorted plan.</summary>
public readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int k) || !int.TryParse(parts[1], out int n) || n < 1 || k < 1 || k > n)
            throw new ArgumentException($"--shard '{text}' is not k/n with 1 <= k <= n");
        return new Shard(k, n);
    }

    public bool Contains(int planIndex) => planIndex % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
