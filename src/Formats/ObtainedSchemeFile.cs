using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Formats;

/// <summary>
/// `verify --out FILE`: the valid scheme a verdict obtained, in our JSON format: an integer scheme first (as given,
/// Q of the input, or recovered), else the input's exact fractions; nothing when no scheme exact over Z or Q was
/// obtained. Whatever ring the verdict was judged in, the file holds a scheme exact over Z (or Q).
/// </summary>
public static class ObtainedSchemeFile
{
    /// <summary>Writes the obtained scheme to <paramref name="path"/>; false (and nothing written) when there is none.</summary>
    public static bool Write(string path, VerifiedFile file)
    {
        if (Json(file) is not { } text) return false;
        File.WriteAllText(path, text);
        return true;
    }

    /// <summary>The JSON text of the obtained scheme, or null when there is none.</summary>
    public static string? Json(VerifiedFile file)
    {
        var (source, report) = file;
        // Over Z the verdict's own judgement is the answer; a verdict mod 2 answers another question.
        var judgement = report is { Judgement: { } j, Ring: nameof(Ring.Z) }
            ? j
            : Verifier.Judge(source.Scheme, report.KeptSlotIndices, Ring.Z, source.Exact);
        var metadata = new JsonObject { ["source"] = report.Path };
        bool valid = judgement.Brent.IsValid;
        if (valid && judgement.Rational is null)
        {
            bool asGiven = judgement.Arithmetic == ExactArithmetic.Integer;
            metadata["obtainedBy"] = asGiven ? "as given (integers)" : "rounding (Q)";
            // The exact integers, not their doubles: past 2^53 a double is another number.
            return SchemeJson.Write(judgement.Exact, metadata);
        }
        if (report.Recovery is { Succeeded: true, Scheme: { } rows })
        {
            metadata["obtainedBy"] = "lattice recovery";
            return SchemeJson.Write(rows.ToScheme(), metadata);
        }
        if (!valid) return null;
        metadata["obtainedBy"] = "as given (exact fractions, checked over Q)";
        return SchemeJson.Write(judgement.Rational!, metadata);
    }
}
