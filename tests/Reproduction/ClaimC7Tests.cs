using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class ClaimC7Tests
{
    private static ClaimResult Evaluate(string? dir) =>
        new ClaimC7Checkpoints().Evaluate(new ClaimContext(StudyPreset.Smoke, new Dictionary<string, StrassenRepro.Reproduction.Sweep.RunRecord>(), dir));

    [Fact]
    public void Without_checkpoints_C7_is_inconclusive()
    {
        var result = Evaluate(null);
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Notes.Should().ContainSingle().Which.Should().Contain("not distributed");
    }

    [Fact]
    public void Given_checkpoints_C7_drops_the_not_distributed_note_and_an_empty_folder_says_it_is_empty()
    {
        var dir = TempFolder.Create("c7");
        var empty = Evaluate(dir);
        empty.Verdict.Should().Be(Verdict.Inconclusive);
        empty.WeMeasured.Should().Be($"no checkpoint files (.json, .npy, .npz, .pt, .pth) in {dir}");
        File.WriteAllText(Path.Combine(dir, "strassen.json"), SchemeJson.Write(KnownSchemes.Strassen()));
        Evaluate(dir).Notes.Should().NotContain(n => n.Contains("not distributed"))
            .And.ContainSingle().Which.Should().Contain($"{dir} ");
    }

    [Fact]
    public void A_folder_of_exact_checkpoints_reproduces_C7_and_one_trained_like_file_breaks_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"strassen-c7-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "strassen.json"),
            StrassenRepro.Formats.SchemeJson.Write(StrassenRepro.Crystallization.KnownSchemes.Strassen()));
        Evaluate(dir).Verdict.Should().Be(Verdict.Reproduced);
        var noisy = StrassenRepro.Crystallization.KnownSchemes.Strassen().Map(x => x + 0.01);
        File.WriteAllText(Path.Combine(dir, "trained.json"), StrassenRepro.Formats.SchemeJson.Write(noisy));
        var result = Evaluate(dir);
        result.Verdict.Should().Be(Verdict.NotReproduced, "delta = 0.01 is not 0 and the un-rounded weights miss 1e-5");
        result.WeMeasured.Should().Contain("1 of 2");
    }
}
