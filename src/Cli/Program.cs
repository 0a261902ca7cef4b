return StrassenRepro.Cli.CliApp.Run(args);
