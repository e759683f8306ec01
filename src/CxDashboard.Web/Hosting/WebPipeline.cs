using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Presentation;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Hosting;

public static class WebPipeline
{
    public static WebApplication UseCxPipeline(this WebApplication app)
    {
        if (ForwardedHeadersSetup.IsConfigured(app.Configuration)) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hangfire"), branch => branch.Use((context, next) =>
        {
            SecurityHeaders.AllowStyleHash(context, SecurityHeaders.HangfireChartStyleHash);
            return next(context);
        }));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseMiddleware<RefusedRequestMiddleware>();
        // Every cookie (sign-in, antiforgery, culture, pulse) is Secure when the request came over https.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, MinimumSameSitePolicy = SameSiteMode.Lax });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so the signed-in user's saved language is one of the choices.
        app.UseRequestLocalization();
        Vocabulary.UseRequestVocabulary(app);
        app.UseAuthorization();
        // After authorization, so the API's per-key limit counts only requests whose key was verified.
        app.UseRateLimiter();

        app.MapHealthEndpoint();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiV1();
        app.MapRazorPages();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            DashboardTitle = "CxDashboard jobs",
            AppPath = "/",
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>Migrates, creates roles/settings/targets, seeds the demo when configured, and says where to go.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.SeedOnStart) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
        RecurringJobsRegistrar.Register(app.Services, app.Configuration);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
    }

    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var hasDemoLogins = seeder.DemoLoginsExistAsync().GetAwaiter().GetResult();

        var lines = new List<string> { "", "CxDashboard is running:" };
        lines.AddRange(addresses.Select(a => $"  {a}"));
        if (hasDemoLogins)
        {
            lines.Add($"Demo logins (password {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.Logins.Select(l => $"  {l.Email,-22} {l.Role,-11} {l.What}"));
        }
        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
