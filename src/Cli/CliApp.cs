using System.CommandLine;
using StrassenRepro.Cli.Commands;

namespace StrassenRepro.Cli;

/// <summary>The command tree and the parse-error rule (one line, exit code 2), shared by Program and the tests.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot() => new("strassen-repro: verify matrix-multiplication schemes and reproduce the claims of 'Trajectory Geometry Determines Algorithmic Structure'")
    {
        VerifyCommand.Create(),
        TrainCommand.Create(),
        BenchCommand.Create(),
        ReproduceCommand.Create(),
        ReproduceCommand.CreateReport(),
        ReproduceCommand.CreateMerge(),
        ReproduceCommand.CreateExportRuns(),
        ExportCommand.Create(),
        DiscoverCommand.Create(),
        OrbitCommands.CreateEquivalent(),
        OrbitCommands.CreateClassify(),
    };

    public static int Run(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // An unknown token explains more than the "required command" error it also causes.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            Output.Error($"{error.Message} (see --help)");
            return ExitCodes.BadInput;
        }
        return parse.Invoke();
    }
}
