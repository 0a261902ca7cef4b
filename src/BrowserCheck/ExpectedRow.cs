using System.Text.Json;

namespace StrassenRepro.BrowserCheck;

/// <summary>One row the summary table must show: the claim, its verdict text and the verdict cell's class.</summary>
public sealed record ExpectedRow(string Id, string Verdict, string VerdictClass)
{
    /// <summary>The rows of a report's summary.json, in order; a file that is not one is bad input.</summary>
    public static IReadOnlyList<ExpectedRow> Read(string summaryJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(summaryJson));
            var root = doc.RootElement;
            // The colours of the report: a verdict's own class only where the report states findings, grey elsewhere.
            bool findings = root.GetProperty("scope").GetString() == "whole";
            return root.GetProperty("claims").EnumerateArray().Select(c => new ExpectedRow(
                c.GetProperty("id").GetString()!,
                c.GetProperty("verdict").GetString()!,
                findings ? c.GetProperty("ruleVerdict").GetString()!.Replace(' ', '-') : "not-a-finding")).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CheckInputException($"{summaryJson}: not a report summary ({e.Message})");
        }
    }
}
