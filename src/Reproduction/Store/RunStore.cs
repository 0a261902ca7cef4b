using System.Globalization;
using Microsoft.Data.Sqlite;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Store;

/// <summary>
/// The SQLite run store: one row per finished run, keyed by its configuration hash. Rows are written a
/// population at a time in one transaction (synchronous=FULL, WAL), so a kill at any moment leaves every
/// committed population intact and nothing half-written; inserting a stored hash again is a no-op, so
/// resuming never duplicates a run.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;

    public string Path { get; }

    private RunStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public static RunStore Open(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(Connection(path, SqliteOpenMode.ReadWriteCreate));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS runs (
                    config_hash TEXT PRIMARY KEY,
                    config_json TEXT NOT NULL,
                    preset TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    batch_size INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    outcome_after_recovery TEXT,
                    s_theta INTEGER NOT NULL,
                    delta REAL NOT NULL,
                    brent_max_residual REAL NOT NULL,
                    canonical_strassen INTEGER NOT NULL,
                    record_json TEXT NOT NULL,
                    git_commit TEXT NOT NULL,
                    versions_json TEXT NOT NULL,
                    finished_utc TEXT NOT NULL,
                    seconds REAL NOT NULL
                );
                """);
            var version = Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_version'");
            if (version is null)
                Execute(connection, $"INSERT INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion}')");
            else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                throw new RunStoreException($"{path}: run store schema version {version}, this program reads {SchemaVersion}");
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new RunStoreException($"{path}: not a usable run store ({e.Message.Split('\n')[0]})");
        }
        return new RunStore(path, connection);
    }

    /// <summary>Stores the runs in one transaction; returns how many were new (stored hashes are skipped).</summary>
    public int AddAll(IEnumerable<StoredRun> runs)
    {
        using var tx = _connection.BeginTransaction();
        int added = 0;
        foreach (var run in runs)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT OR IGNORE INTO runs VALUES ($hash, $config, $preset, $seed, $batch, $outcome, $after, $s, $delta,
                    $residual, $canonical, $record, $commit, $versions, $finished, $seconds)
                """;
            cmd.Parameters.AddWithValue("$hash", run.ConfigHash);
            cmd.Parameters.AddWithValue("$config", run.ConfigJson);
            cmd.Parameters.AddWithValue("$preset", run.Protocol);
            cmd.Parameters.AddWithValue("$seed", run.Seed);
            cmd.Parameters.AddWithValue("$batch", run.BatchSize);
            cmd.Parameters.AddWithValue("$outcome", run.Outcome.ToWire());
            cmd.Parameters.AddWithValue("$after", (object?)run.OutcomeAfterRecovery?.ToWire() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$s", run.STheta);
            cmd.Parameters.AddWithValue("$delta", run.Delta);
            cmd.Parameters.AddWithValue("$residual", run.BrentMaxResidual);
            cmd.Parameters.AddWithValue("$canonical", run.CanonicalStrassen ? 1 : 0);
            cmd.Parameters.AddWithValue("$record", run.RecordJson);
            cmd.Parameters.AddWithValue("$commit", run.GitCommit);
            cmd.Parameters.AddWithValue("$versions", run.VersionsJson);
            cmd.Parameters.AddWithValue("$finished", run.FinishedUtc.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$seconds", run.Seconds);
            added += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return added;
    }

    public void SetMeta(string key, string value)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    public string? GetMeta(string key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public int Count
    {
        get
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM runs";
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public bool Contains(string configHash)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM runs WHERE config_hash = $hash";
        cmd.Parameters.AddWithValue("$hash", configHash);
        return cmd.ExecuteScalar() is not null;
    }

    public IReadOnlySet<string> StoredHashes()
    {
        var hashes = new HashSet<string>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT config_hash FROM runs";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return hashes;
    }

    /// <summary>Every stored run, ordered by configuration hash (a stable order for reports and comparisons).</summary>
    public IReadOnlyList<StoredRun> All()
    {
        var runs = new List<StoredRun>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT * FROM runs ORDER BY config_hash";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            runs.Add(new StoredRun
            {
                ConfigHash = r.GetString(0),
                ConfigJson = r.GetString(1),
                Protocol = r.GetString(2),
                Seed = r.GetInt64(3),
                BatchSize = r.GetInt32(4),
                Outcome = StoredOutcome(r.GetString(5)),
                OutcomeAfterRecovery = r.IsDBNull(6) ? null : StoredOutcome(r.GetString(6)),
                STheta = r.GetInt32(7),
                Delta = r.GetDouble(8),
                BrentMaxResidual = r.GetDouble(9),
                CanonicalStrassen = r.GetInt32(10) != 0,
                RecordJson = r.GetString(11),
                GitCommit = r.GetString(12),
                VersionsJson = r.GetString(13),
                FinishedUtc = DateTime.Parse(r.GetString(14), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Seconds = r.GetDouble(15),
            });
        }
        return runs;
    }

    /// <summary>The meta key under which reproduce records its preset.</summary>
    public const string StudyPresetKey = "preset";

    /// <summary>
    /// Copies the runs of another store (a shard) into this one, and its preset; returns how many were new.
    /// Stores of different presets hold different plans and are refused.
    /// </summary>
    public int MergeFrom(string otherPath)
    {
        if (!File.Exists(otherPath)) throw new RunStoreException($"{otherPath}: no such run store");
        using var other = Open(otherPath);
        string? theirs = other.GetMeta(StudyPresetKey), mine = GetMeta(StudyPresetKey);
        if (theirs is not null && mine is not null && theirs != mine)
            throw new RunStoreException(
                $"{otherPath} holds a '{theirs}' sweep, the store it is merged into a '{mine}' one");
        int added = AddAll(other.All());
        if (theirs is not null) SetMeta(StudyPresetKey, theirs);
        return added;
    }

    /// <summary>Copies the store at sourcePath, committed runs only, to a new file (SQLite's online backup).</summary>
    public static void Copy(string sourcePath, string destinationPath)
    {
        try
        {
            using var source = new SqliteConnection(Connection(sourcePath, SqliteOpenMode.ReadWrite));
            using var destination = new SqliteConnection(Connection(destinationPath, SqliteOpenMode.ReadWriteCreate));
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }
        catch (SqliteException e)
        {
            throw new RunStoreException($"{sourcePath}: not a usable run store ({e.Message.Split('\n')[0]})");
        }
    }

    // A row with an outcome no build wrote is a damaged store: say so, in one line.
    private static Outcome StoredOutcome(string name) =>
        OutcomeNames.FromWire(name) ?? throw new ReproductionException($"the run store holds an unknown outcome '{name}'");

    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }

    public void Dispose() => _connection.Dispose();
}
