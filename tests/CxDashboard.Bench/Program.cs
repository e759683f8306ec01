using CxDashboard.Bench;

// Benchmarks of the real services on real SQLite files, run by hand and reported (never asserted in tests):
//   dotnet run -c Release --project tests/CxDashboard.Bench -- import --contacts 1000000
//   dotnet run -c Release --project tests/CxDashboard.Bench -- report --database src/CxDashboard.Web/App_Data/cxdashboard.db
//   dotnet run -c Release --project tests/CxDashboard.Bench -- load --load demo --long-run 10000
// Each benchmark is one IBenchmark in Benchmarks.All; add new ones (e.g. dashboard queries) there.
return await BenchmarkRunner.RunAsync(args, Benchmarks.All);
