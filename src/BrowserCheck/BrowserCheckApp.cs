using System.CommandLine;
using System.Text.Json;

namespace StrassenRepro.BrowserCheck;

/// <summary>
/// strassen-repro-browser-check: the thin command over <see cref="ReportPageCheck"/>. Exit code 0: the page passed;
/// 1: it has problems (one line each); 2: bad input or no usable Chromium (one line, no stack trace).
/// </summary>
public static class BrowserCheckApp
{
    public const string Name = "strassen-repro-browser-check";

    public static RootCommand BuildRoot()
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Report folder (index.html and summary.json, as written by reproduce or report)",
            DefaultValueFactory = _ => Path.Combine("artifacts", "report"),
        };
        var screenshot = new Option<string?>("--screenshot")
        {
            Description = "Save a full-page PNG of the report here",
        };
        var chromium = new Option<string?>("--chromium")
        {
            Description = $"Chromium or Chrome executable (default: ${ChromiumLocator.Variable}, else "
                + $"{string.Join(", ", ChromiumLocator.Names)} on PATH)",
        };
        var json = new Option<bool>("--json") { Description = "Print the result (one JSON object) on stdout" };
        var root = new RootCommand($"{Name}: open a report's index.html in headless Chromium and check what a reader "
            + "sees: no console error, every image loaded, every in-page link resolves, relative addresses only, "
            + "one summary row per claim of summary.json with its verdict")
        {
            folder, screenshot, chromium, json,
        };
        root.SetAction(async (parse, _) =>
        {
            try
            {
                var result = await ReportPageCheck.RunAsync(
                    parse.GetValue(folder)!, parse.GetValue(screenshot), parse.GetValue(chromium));
                Report(result, parse.GetValue(json));
                return result.Passed ? 0 : 1;
            }
            catch (CheckInputException e)
            {
                Error(e.Message);
                return 2;
            }
        });
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            Error($"{parse.Errors[0].Message} (see --help)");
            return 2;
        }
        return await parse.InvokeAsync();
    }

    static void Report(PageCheckResult r, bool json)
    {
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                url = r.Url,
                passed = r.Passed,
                images = r.Page.Images.Count,
                links = r.Page.Links.Count,
                summaryRows = r.Page.Rows.Count,
                problems = r.Problems,
                screenshot = r.Screenshot,
            }, new JsonSerializerOptions { WriteIndented = true }));
        var output = json ? Console.Error : Console.Out;
        foreach (var problem in r.Problems) output.WriteLine($"{Name}: {problem}");
        output.WriteLine($"{r.Url}: {r.Page.Images.Count} images, {r.Page.Links.Count} in-page links, "
            + $"{r.Page.Rows.Count} summary rows; "
            + (r.Passed ? "no problem" : $"{r.Problems.Count} problem(s)")
            + (r.Screenshot is null ? "" : $"; screenshot {r.Screenshot}"));
    }

    static void Error(string message) =>
        Console.Error.WriteLine($"{Name}: {message.ReplaceLineEndings(" ")}");
}
