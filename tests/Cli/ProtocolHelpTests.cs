namespace StrassenRepro.Tests.Cli;

/// <summary>
/// Issue 15: every training protocol a user meets in --help names the upstream script it follows (or says it follows
/// none), so a reader of a report can tell which computation a run re-executes.
/// </summary>
[Trait("Category", "Fast")]
public class ProtocolHelpTests
{
    private static readonly string[] Scripts =
    [
        "src/training/train_strassen.py", "experiments/apendix_experiments.py",
        "experiments/statistics/rigorous_experiment.py", "experiments/extended_experiments/validate2.py",
    ];

    [Theory]
    [InlineData("reproduce")]
    [InlineData("train")]
    public void Help_names_every_protocol_with_its_upstream_script(string command)
    {
        var help = CliRunner.Run(command, "--help");
        help.ExitCode.Should().Be(0);
        foreach (var name in StrassenRepro.Model.TrainingProtocols.Names) help.StdOut.Should().Contain(name);
        foreach (var script in Scripts) help.StdOut.Should().Contain(script);
        help.StdOut.Should().Contain("no upstream script");
    }
}
