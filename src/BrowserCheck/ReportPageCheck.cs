using System.Text.Json;
using Microsoft.Playwright;

namespace StrassenRepro.BrowserCheck;

/// <summary>
/// Opens a report folder's index.html from file:// in headless Chromium and reports what a reader would meet:
/// console and script errors, failed loads, network fetches, images that did not load, in-page links to nothing,
/// absolute addresses, and a summary table that differs from summary.json.
/// </summary>
public static class ReportPageCheck
{
    public const string Page = "index.html";
    public const string Summary = "summary.json";

    /// <param name="screenshot">Where to save a full-page PNG, if anywhere.</param>
    /// <param name="chromium">The browser executable; found by <see cref="ChromiumLocator"/> when null.</param>
    public static async Task<PageCheckResult> RunAsync(
        string reportDir, string? screenshot = null, string? chromium = null)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(reportDir));
        if (!Directory.Exists(folder)) throw new CheckInputException($"{reportDir}: no such folder");
        foreach (var file in new[] { Page, Summary })
            if (!File.Exists(Path.Combine(folder, file)))
                throw new CheckInputException($"{reportDir}: no {file} (a report folder holds {Page} and {Summary})");
        var expected = ExpectedRow.Read(Path.Combine(folder, Summary));
        var executable = ChromiumLocator.Find(chromium);

        await using var browser = await Launch(executable);
        var page = await browser.Context.NewPageAsync();
        var url = new Uri(Path.Combine(folder, Page)).AbsoluteUri;
        var events = new List<string>();
        void Add(string problem) { lock (events) events.Add(problem); }
        string Short(string address) => PageProblems.Address(address.Replace(new Uri(folder + "/").AbsoluteUri, ""));
        page.Console += (_, m) => { if (m.Type == "error") Add($"console error: {m.Text} ({Short(m.Location)})"); };
        page.PageError += (_, message) => Add($"script error: {message}");
        page.RequestFailed += (_, r) => Add($"{Short(r.Url)} failed to load: {r.Failure}");
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith("file:", StringComparison.Ordinal)
                && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                Add($"the page fetched {r.Url}: a report fetches nothing");
        };

        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        var snapshot = PageSnapshot.Parse(await page.EvaluateAsync<JsonElement>(PageSnapshot.Script));
        if (screenshot is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshot))!);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        }
        List<string> problems;
        lock (events) problems = [.. PageProblems.Find(snapshot, expected), .. events];
        return new PageCheckResult(url, snapshot, problems, screenshot);
    }

    /// <summary>A browser that does not start is named with the first line of Playwright's reason.</summary>
    static async Task<HeadlessChromium> Launch(string executable)
    {
        try
        {
            return await HeadlessChromium.StartAsync(executable);
        }
        catch (PlaywrightException e)
        {
            throw new CheckInputException($"{executable} did not start: {e.Message.Split('\n')[0]}");
        }
    }
}
