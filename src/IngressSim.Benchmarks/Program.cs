using BenchmarkDotNet.Running;

// dotnet run -c Release --project src/IngressSim.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
