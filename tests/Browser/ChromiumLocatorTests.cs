using StrassenRepro.BrowserCheck;

namespace StrassenRepro.Tests.Browser;

/// <summary>Which Chromium the check drives: the one named, else $STRASSEN_CHROMIUM, else the first on PATH.</summary>
[Trait("Category", "Fast")]
public class ChromiumLocatorTests
{
    private static string Executable(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void The_named_executable_wins_over_the_variable_and_path()
    {
        var bin = TempFolder.Create("browser-bin");
        var named = Executable(bin, "my-chrome");
        ChromiumLocator.Find(named, Executable(bin, "other"), bin).Should().Be(named);
    }

    [Fact]
    public void The_variable_wins_over_path_and_path_is_searched_in_name_order()
    {
        var bin = TempFolder.Create("browser-bin");
        var chrome = Executable(bin, "google-chrome");
        var chromium = Executable(bin, "chromium");
        ChromiumLocator.Find(null, chrome, bin).Should().Be(chrome);
        ChromiumLocator.Find(null, null, $"/no/such/folder:{bin}").Should().Be(chromium);
    }

    [Fact]
    public void A_missing_executable_is_bad_input_that_says_how_to_get_one()
    {
        var named = () => ChromiumLocator.Find("/no/such/chromium", null, "");
        named.Should().Throw<CheckInputException>().WithMessage("no Chromium at /no/such/chromium");
        var none = () => ChromiumLocator.Find(null, "", TempFolder.Create("browser-empty"));
        none.Should().Throw<CheckInputException>()
            .WithMessage("no Chromium found (*apt-get install chromium*STRASSEN_CHROMIUM");
    }
}
