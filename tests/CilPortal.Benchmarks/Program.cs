using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CilPortal.Benchmarks -- domain [bench/results/domain.json]
if (args is ["domain", ..])
{
    CilPortal.Benchmarks.DomainMeasure.Run(args);
    return;
}

if (args is ["phases"])
{
    CilPortal.Benchmarks.Measure.Run();
    return;
}

if (args is ["exchange", ..])
{
    CilPortal.Benchmarks.ExchangeMeasure.Run(args);
    return;
}

// dotnet run -c Release --project tests/CilPortal.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CilPortal.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
