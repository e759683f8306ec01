using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Exports made at the same time are limited per user and overall (Exports:MaxConcurrentPerUser = 1,
/// Exports:MaxConcurrent = 2): a request over a limit is refused at once with 429, Retry-After and a message, while
/// other users' exports still run. Slots are held through the app's own gate, as a long export would hold them.
/// </summary>
public sealed class ExportLimitTests(ExportLimitTests.Fixture fixture) : IClassFixture<ExportLimitTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public HttpClient Anna { get; private set; } = null!;
        public HttpClient Bo { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            Anna = await App.SignedInClientAsync("anna.manager@limit.test", Roles.Manager);
            Bo = await App.SignedInClientAsync("bo.manager@limit.test", Roles.Manager);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }

        public ExportGate Gate => App.Services.GetRequiredService<ExportGate>();

        public Task<string> UserIdAsync(string email) =>
            App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private const string Export = "/?handler=Export&period=custom&from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_second_export_of_the_same_user_is_refused_while_the_first_runs_and_others_are_served()
    {
        var anna = await fixture.UserIdAsync("anna.manager@limit.test");
        using (fixture.Gate.Enter(anna))
        {
            var refused = await fixture.Anna.GetAsync(Export);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("Your previous export is still being made",
                Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid=refused-message]").Text());

            var other = await fixture.Bo.GetAsync(Export);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Equal(ExportFile.XlsxContentType, other.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, fixture.Gate.Running);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anna.GetAsync(Export)).StatusCode);
    }

    [Fact]
    public async Task When_the_server_makes_its_most_exports_every_export_path_is_refused_with_429()
    {
        using var first = fixture.Gate.Enter("someone");
        using var second = fixture.Gate.Enter("someone else");
        var teamId = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        foreach (var url in new[]
                 {
                     Export,
                     "/Exports?handler=Download&kind=contacts&from=2026-03-01&to=2026-03-31",
                     $"/Coaching/Team/{teamId}?handler=Pack&format=pdf",
                     "/Engagement?handler=Export&format=xlsx",
                 })
        {
            var response = await fixture.Bo.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{url} answered {(int)response.StatusCode}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("2 exports are being made right now", await response.Content.ReadAsStringAsync());
        }
    }
}
