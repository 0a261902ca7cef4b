using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class ClaimC7Tests
{
    private static ClaimResult Evaluate(params string[] paths) =>
        new ClaimC7Checkpoints()
            .Evaluate(new ClaimContext(StudyPreset.Smoke, new Dictionary<string,
                StrassenRepro.Reproduction.Sweep.RunRecord>(),
            new CheckpointInputs(paths)));

    [Fact]
    public void Without_checkpoints_C7_is_inconclusive()
    {
        var result = Evaluate();
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Notes.Should().ContainSingle().Which.Should().Contain("not distributed");
    }

    [Fact]
    public void Given_checkpoints_C7_drops_the_not_distributed_note_and_an_empty_folder_says_it_is_empty()
    {
        var dir = TempFolder.Create("c7");
        var empty = Evaluate(dir);
        empty.Verdict.Should().Be(Verdict.Inconclusive);
        empty.WeMeasured.Should().Be($"no checkpoint files (.json, .npy, .npz, .pt, .pth, .sms, .exp) in {dir} (folder)");
        File.WriteAllText(Path.Combine(dir, "strassen.json"), SchemeJson.Write(KnownSchemes.Strassen()));
        var notes = Evaluate(dir).Notes;
        notes.Should().NotContain(n => n.Contains("not distributed"));
        notes[0].Should().Contain($"{dir} (folder): 1 files");
        notes.Should().HaveCount(2)
            .And.Contain(n => n.Contains("canonical Strassen"), "the only file is Strassen's own table");
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

    [Fact]
    public void A_folder_plus_a_file_are_judged_together_as_the_workflow_passes_the_papers_checkpoints()
    {
        var dir = TempFolder.Create("c7-folder");
        var other = TempFolder.Create("c7-file");
        File.WriteAllText(Path.Combine(dir, "strassen_exact.json"), SchemeJson.Write(KnownSchemes.Strassen()));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a checkpoint");
        var weights = Path.Combine(other, "weights.json");
        File.WriteAllText(weights, SchemeJson.Write(KnownSchemes.Strassen().SelectSlots([6, 5, 4, 3, 2, 1, 0])));
        var inputs = new CheckpointInputs([dir, weights]);
        inputs.Files().Select(Path.GetFileName).Should().Equal("strassen_exact.json", "weights.json");
        inputs.Named("weights.json").Should().Be(weights);
        var result = Evaluate(dir, weights);
        result.Verdict.Should().Be(Verdict.Reproduced);
        result.Tables[0].Rows.Select(r => r[5]).Should()
            .Equal("yes, same slot order", "yes, up to slot order and signs");
        result.WeMeasured.Should().Contain("2 of 2 checkpoints meet all three")
            .And.Contain("2 of the 2 that meet it are canonical Strassen");
        result.Notes[0].Should().Contain($"{dir} (folder), {weights}: 2 files");
    }

    [Fact]
    public void A_valid_scheme_that_is_not_Strassens_own_gets_no_fallback_note()
    {
        var dir = TempFolder.Create("c7-winograd");
        File.WriteAllText(Path.Combine(dir, "winograd.json"), SchemeJson.Write(KnownSchemes.Winograd()));
        var result = Evaluate(dir);
        result.Verdict.Should().Be(Verdict.Reproduced);
        result.Tables[0].Rows[0][5].Should().Be("no");
        result.Notes.Should().ContainSingle();
    }
}
