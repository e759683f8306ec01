using CxDashboard.Web.Data;
using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Api;

/// <summary>Counts what import listeners are told, to show that API batches reach the same hook as files.</summary>
public sealed class RecordingImportListener : IImportListener
{
    private readonly List<ImportResult> _results = [];

    public IReadOnlyList<ImportResult> Results { get { lock (_results) return _results.ToList(); } }

    public Task OnImportedAsync(ImportResult result, CancellationToken ct)
    {
        lock (_results) _results.Add(result);
        return Task.CompletedTask;
    }
}

/// <summary>The real app with extra settings (small limits) and a recording import listener next to the app's own.</summary>
public class ApiAppFactory(IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite) : CxAppFactory(provider)
{
    public RecordingImportListener Listener { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IImportListener>(Listener));
    }

    public async Task<HttpClient> ApiClientAsync(ApiKeyScope scope, string name = "test system")
    {
        var key = await CreateKeyAsync(scope, name);
        var client = NewClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key.Secret);
        return client;
    }

    public Task<CreatedApiKey> CreateKeyAsync(ApiKeyScope scope, string name = "test system") =>
        WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync(name, scope));
}

public static class ApiJson
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) => client.PostAsync(url, Body(json));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The (index, field) pairs of a 422 problem's errors.</summary>
    public static async Task<List<(long Index, string? Field, string Message)>> ErrorsAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return json.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt64(),
                e.GetProperty("field").ValueKind == JsonValueKind.Null ? null : e.GetProperty("field").GetString(),
                e.GetProperty("message").GetString()!))
            .ToList();
    }
}
