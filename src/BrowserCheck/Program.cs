return await StrassenRepro.BrowserCheck.BrowserCheckApp.RunAsync(args);
