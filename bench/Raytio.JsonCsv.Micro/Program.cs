using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Raytio.JsonCsv.Micro;

// Short on purpose (the benchmark machine has 2 shared cores), with enough warm-up for tiered JIT and dynamic
// PGO to settle before measuring. The invocation count is fixed: BenchmarkDotNet's pilot stage would size the
// iterations from the first, still unoptimised runs. Min and median are shown because other processes on the
// machine only ever add time. Extra arguments (--filter, ...) pass through.
var steadyState = new Job("SteadyState")
    .WithLaunchCount(1)
    .WithWarmupCount(8)
    .WithIterationCount(8)
    .WithInvocationCount(16)
    .WithUnrollFactor(1);
var config = DefaultConfig.Instance.AddJob(steadyState).AddColumn(StatisticColumn.Min, StatisticColumn.Median);
BenchmarkRunner.Run<ConversionBenchmarks>(config, args);
