using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// What a discovery has found so far: every finished run, and each distinct exact scheme, written (atomically) to
/// OUT/schemes/NxMxP-rank-R-k.json the moment it is first found, k counting in the order found, with its costs and
/// orbit invariants (rank triples, fingerprint) in the metadata, in our JSON or the catalogue's (its "complexity" the
/// slot-by-slot additions); so a stop at any point keeps every scheme found before it. Not thread-safe: runs are added in seed order by one thread.
/// </summary>
public sealed class DiscoveryFinds(string outDir, DiscoveryTarget target, string protocol, SchemeFileFormat format = SchemeFileFormat.Json)
{
    private readonly List<DiscoveredRun> _runs = [];
    private readonly Dictionary<CanonicalForm, (DistinctScheme Scheme, List<long> Seeds)> _distinct = [];
    private readonly List<CanonicalForm> _order = [];

    public int Runs => _runs.Count;
    public int Exact => _runs.Count(r => r.Exact is not null);
    public int Distinct => _distinct.Count;

    public void Add(DiscoveredRun run)
    {
        _runs.Add(run);
        if (run.Exact is not { } scheme) return;
        var key = CanonicalForm.Of(scheme);
        if (_distinct.TryGetValue(key, out var known))
        {
            known.Seeds.Add(run.Seed);
            return;
        }
        var shape = target.Shape;
        string path = System.IO.Path.Combine(outDir, "schemes", $"{shape.N}x{shape.M}x{shape.P}-rank-{target.Rank}-{_distinct.Count + 1}.json");
        var exact = DiscoveryOrbits.Rational(scheme);
        var found = new DistinctScheme(scheme, [], run.ExactBy, SchemeCost.Additions(scheme))
        {
            Path = path,
            SharedAdditions = SharedAdditions.Of(exact).Total,
        };
        _distinct[key] = (found, [run.Seed]);
        _order.Add(key);
        Write(found, run, exact);
    }

    private void Write(DistinctScheme found, DiscoveredRun run, RationalScheme exact)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(found.Path)!);
        var invariants = OrbitInvariants.Of(OrbitScheme.Of(exact, Ring.Z));
        var metadata = new JsonObject
        {
            ["discoveredBy"] = "strassen-repro discover",
            ["study"] = target.StudyName,
            ["protocol"] = protocol,
            ["method"] = run.ExactBy.ToString(),
            ["seed"] = run.Seed,
            ["multiplications"] = exact.Rank,
            ["additions"] = found.Additions,
            ["sharedAdditions"] = found.SharedAdditions,
            ["bestKnownRank"] = BestKnownRanks.Of(target.Shape),
            ["invariants"] = new JsonObject
            {
                ["rankTriples"] = invariants.RankTriplesText,
                ["fingerprint"] = invariants.Fingerprint,
            },
        };
        // The catalogue's own "complexity" is the slot-by-slot count; the rest of ours rides along as "metadata".
        AtomicFile.WriteAllText(found.Path, format == SchemeFileFormat.Catalogue
            ? CatalogueJsonWriter.Write(exact, extra: new JsonObject { ["complexity"] = found.Additions, ["metadata"] = metadata })
            : SchemeJson.Write(found.Scheme, metadata) + "\n");
    }

    /// <summary>The summary of everything so far: runs in seed order, distinct schemes fewest additions first.</summary>
    public DiscoverySummary Summary(string protocol, bool stopped, TimeSpan elapsed, TimeSpan cpuTime)
    {
        var distinct = _order.Select(k => _distinct[k]).Select(d => d.Scheme with { Seeds = d.Seeds.ToList() })
            .OrderBy(d => d.Additions).ThenBy(d => d.Seeds[0]).ToList();
        return new DiscoverySummary(target, [.. _runs.OrderBy(r => r.Seed)], distinct)
        {
            Protocol = protocol,
            Format = format,
            Stopped = stopped,
            Elapsed = elapsed,
            CpuTime = cpuTime,
        };
    }
}
