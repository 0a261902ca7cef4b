using BenchmarkDotNet.Running;

// Thin entry point: BenchmarkDotNet's own switcher (--filter, --list, --job ...).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
