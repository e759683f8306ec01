using CxDashboard.Web.Cli;
using CxDashboard.Web.Hosting;

// One executable: with a verb (e.g. `kpis`, `import`, `migrate`) it runs that CLI command and exits;
// without one it runs the web app.
if (CliApp.IsVerb(args)) return await CliApp.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContentRoot.WhenStartedElsewhere() });
builder.AddCxWeb();
var app = builder.Build();
app.UseCxPipeline();
await app.InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
