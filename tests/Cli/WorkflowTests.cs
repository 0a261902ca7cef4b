using System.CommandLine;
using System.Text.RegularExpressions;

namespace StrassenRepro.Tests.Cli;

/// <summary>The workflows call the command line as it is: every `strassen-repro` command and option they use exists.</summary>
[Trait("Category", "Fast")]
public partial class WorkflowTests
{
    public static IEnumerable<object[]> Invocations()
    {
        var dir = Path.Combine(RepoPaths.Root, ".github", "workflows");
        foreach (var file in Directory.EnumerateFiles(dir, "*.yml").Order())
            foreach (var line in File.ReadLines(file))
            {
                var m = Invocation().Match(line);
                if (m.Success) yield return [Path.GetFileName(file), m.Groups[1].Value.Trim()];
            }
    }

    [Fact]
    public void The_reproduction_workflow_runs_reproduce_merge_and_report()
    {
        Invocations().Select(i => ((string)i[1]).Split(' ')[0]).Should().Contain(["reproduce", "merge", "report"]);
        Invocations().Select(i => (string)i[0]).Should().Contain("reproduction.yml");
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public void Every_command_and_option_a_workflow_uses_exists(string workflow, string arguments)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = StrassenRepro.Cli.CliApp.BuildRoot().Subcommands.SingleOrDefault(c => c.Name == tokens[0]);
        command.Should().NotBeNull($"{workflow} runs '{tokens[0]}'");
        foreach (var option in tokens.Skip(1).Where(t => t.StartsWith("--", StringComparison.Ordinal)))
            command!.Options.Select(o => o.Name).Should().Contain(option, $"{workflow} passes {option} to {tokens[0]}");
    }

    // `dotnet run --project src/Cli ... -- <command> <arguments>` up to a shell operator.
    [GeneratedRegex(@"dotnet run --project src/Cli[^|&;]*? -- ([^|&;]+)")]
    private static partial Regex Invocation();
}
