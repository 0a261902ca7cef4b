using System.CommandLine;
using StrassenRepro.Cli;
using StrassenRepro.Cli.Commands;

var root = new RootCommand("strassen-repro: verify matrix-multiplication schemes and reproduce the claims of 'Trajectory Geometry Determines Algorithmic Structure'")
{
    VerifyCommand.Create(),
    BenchCommand.Create(),
    TrainCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    Output.Error($"{parse.Errors[0].Message} (see --help)");
    return ExitCodes.BadInput;
}
return parse.Invoke();
