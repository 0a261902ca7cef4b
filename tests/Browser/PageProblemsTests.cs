using StrassenRepro.BrowserCheck;

namespace StrassenRepro.Tests.Browser;

/// <summary>The check's rules on hand-made page snapshots: no browser needed.</summary>
[Trait("Category", "Fast")]
public class PageProblemsTests
{
    private static readonly ExpectedRow[] Expected =
    [
        new("C1", "reproduced", "reproduced"),
        new("C2", "not reproduced", "not-reproduced"),
    ];

    private static PageSnapshot Page(
        ImageState[]? images = null, LinkState[]? links = null, string[]? absolute = null, RowState[]? rows = null) =>
        new(images ?? [new("data:image/png;base64,AAAA", "figure", true)],
            links ?? [new("#c1", true)],
            absolute ?? [],
            rows ??
            [
                new("C1", "reproduced", ["verdict", "reproduced"]),
                new("C2", "not reproduced", ["verdict", "not-reproduced"]),
            ]);

    [Fact]
    public void A_page_that_shows_what_summary_json_says_has_no_problem() =>
        PageProblems.Find(Page(), Expected).Should().BeEmpty();

    [Fact]
    public void An_image_that_did_not_load_is_named_by_its_path_and_alt_text() =>
        PageProblems.Find(Page(images: [new("figures/x.png", "C1 outcomes", false)]), Expected)
            .Should().Equal("image figures/x.png (\"C1 outcomes\") did not load");

    [Fact]
    public void An_inline_image_is_named_by_its_kind_and_length_not_its_bytes() =>
        PageProblems.Find(Page(images: [new("data:image/png;base64,AAAA", "fig", false)]), Expected)
            .Should().Equal("image data:image/png;base64 (26 characters inline) (\"fig\") did not load");

    [Fact]
    public void A_link_to_nothing_and_an_absolute_address_are_problems() =>
        PageProblems.Find(Page(links: [new("#c1", true), new("#gone", false)], absolute: ["/tmp/x.png"]), Expected)
            .Should().Equal(
                "link #gone points at no element of the page",
                "/tmp/x.png is an absolute address: the page breaks when its folder moves");

    [Fact]
    public void A_missing_row_a_wrong_claim_a_wrong_verdict_and_a_wrong_colour_are_each_named()
    {
        PageProblems.Find(Page(rows: [new("C1", "reproduced", ["verdict", "reproduced"])]), Expected)
            .Should().Equal("the summary table has 1 rows, summary.json 2 claims");
        PageProblems.Find(Page(rows: [new("C1", "reproduced", ["verdict", "reproduced"]),
                new("C3", "not reproduced", ["verdict", "not-reproduced"])]), Expected)
            .Should().Equal("summary row C2 shows claim \"C3\"");
        PageProblems.Find(Page(rows: [new("C1", "inconclusive", ["verdict", "reproduced"]),
                new("C2", "not reproduced", ["verdict", "not-reproduced"])]), Expected)
            .Should().Equal("summary row C1 shows verdict \"inconclusive\", summary.json \"reproduced\"");
        PageProblems.Find(Page(rows: [new("C1", "reproduced", ["verdict", "reproduced"]),
                new("C2", "not reproduced", ["verdict", "reproduced"])]), Expected)
            .Should().Equal(
                "summary row C2: the verdict cell's class is \"verdict reproduced\", not \"not-reproduced\"");
    }
}
