using System.Globalization;
using System.Text;
using System.Text.Json;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Upstream.Traces;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// runs.csv, written beside report.md: one row per stored run (RFC 4180: a field with a comma or a quote is quoted),
/// in the store's order. Its train column is what makes the published table checkable run by run.
/// </summary>
public static class RunsTable
{
    public const string File = "runs.csv";

    public static readonly IReadOnlyList<string> Columns =
    [
        "claims", "protocol", "seed", "batchSize", "lr", "wd", "outcome", "outcomeAfterRecovery", "delta", "s",
        "plannedSteps", "configHash", "train",
    ];

    /// <summary>The rows of the stored runs, each tagged with the claims (of all claims) whose plan under the preset holds it.</summary>
    public static IReadOnlyList<RunsTableRow> Of(IEnumerable<StoredRun> runs, StudyPreset preset)
    {
        var claims = new Dictionary<string, List<string>>();
        void Tag(IEnumerable<RunConfig> plan, string tag)
        {
            foreach (var hash in plan.Select(c => c.Hash()).Distinct())
            {
                if (!claims.TryGetValue(hash, out var list)) claims[hash] = list = [];
                list.Add(tag);
            }
        }
        foreach (var claim in ClaimCatalog.All)
        {
            Tag(claim.Plan(preset), claim.Id);
            Tag(OriginCatalog.For(claim.Id).Plan(preset), $"{claim.Id}-upstream");
        }
        return runs.Select(r => Row(r, claims.TryGetValue(r.ConfigHash, out var tags) ? tags : [])).ToList();
    }

    private static RunsTableRow Row(StoredRun run, IReadOnlyList<string> claims)
    {
        var config = RunConfig.FromJson(run.ConfigJson);
        return new RunsTableRow
        {
            Claims = string.Join(";", claims),
            Protocol = run.Protocol,
            Seed = run.Seed,
            BatchSize = run.BatchSize,
            Lr = config.Lr,
            Wd = config.WeightDecay,
            Outcome = Crystallization.OutcomeNames.ToWire(run.Outcome),
            OutcomeAfterRecovery = run.OutcomeAfterRecovery is { } after ? Crystallization.OutcomeNames.ToWire(after) : "",
            Delta = run.Delta,
            S = run.STheta,
            PlannedSteps = (long)config.Phase1Steps + config.Phase2Steps,
            ConfigHash = run.ConfigHash,
            Train = TrainCommand(config, EngineOf(run.VersionsJson)),
        };
    }

    /// <summary>The train command line of a configuration, on the engine that trained it.</summary>
    public static string TrainCommand(RunConfig config, string engine) =>
        string.Join(' ', ["strassen-repro", "train", .. TrainArguments.For(config).ToWords(), "--engine", engine]);

    // The sweep records the engine with the library versions; stores from before it did were cpu-trained.
    private static string EngineOf(string versionsJson)
    {
        using var doc = JsonDocument.Parse(versionsJson);
        return doc.RootElement.TryGetProperty("engine", out var e) && e.GetString() is { } name ? name : "cpu";
    }

    public static string ToCsv(IEnumerable<RunsTableRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns).Append('\n');
        foreach (var r in rows)
            sb.AppendJoin(',', new[]
            {
                r.Claims, r.Protocol, Number(r.Seed), Number(r.BatchSize), Number(r.Lr), Number(r.Wd), r.Outcome,
                r.OutcomeAfterRecovery, Number(r.Delta), Number(r.S), Number(r.PlannedSteps), r.ConfigHash, r.Train,
            }.Select(Field)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Reads a runs.csv back; throws FormatException naming the line of a row that does not parse.</summary>
    public static IReadOnlyList<RunsTableRow> Parse(string csv)
    {
        var records = Records(csv);
        if (records.Count == 0 || !records[0].SequenceEqual(Columns))
            throw new FormatException($"runs.csv: the header is not {string.Join(',', Columns)}");
        var rows = new List<RunsTableRow>();
        for (int i = 1; i < records.Count; i++)
        {
            var f = records[i];
            if (f.Count != Columns.Count) throw new FormatException($"runs.csv row {i}: {f.Count} fields, not {Columns.Count}");
            try
            {
                rows.Add(new RunsTableRow
                {
                    Claims = f[0],
                    Protocol = f[1],
                    Seed = long.Parse(f[2], CultureInfo.InvariantCulture),
                    BatchSize = int.Parse(f[3], CultureInfo.InvariantCulture),
                    Lr = Real(f[4]),
                    Wd = Real(f[5]),
                    Outcome = f[6],
                    OutcomeAfterRecovery = f[7],
                    Delta = Real(f[8]),
                    S = int.Parse(f[9], CultureInfo.InvariantCulture),
                    PlannedSteps = long.Parse(f[10], CultureInfo.InvariantCulture),
                    ConfigHash = f[11],
                    Train = f[12],
                });
            }
            catch (FormatException e) { throw new FormatException($"runs.csv row {i}: {e.Message}"); }
        }
        return rows;
    }

    private static double Real(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    // Shortest round-trip form: the published delta reads back to the stored double bit for bit.
    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Records(string csv)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char ch = csv[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = any = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); any = true; }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                records.Add(fields);
                (fields, field, any) = ([], new StringBuilder(), false);
            }
            else if (ch != '\r') { field.Append(ch); any = true; }
        }
        if (quoted) throw new FormatException("runs.csv: a quoted field is not closed");
        if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add(fields); }
        return records;
    }
}
