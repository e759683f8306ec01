using System.Net;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Sign-in cookies work on every instance that shares the database (its key ring is stored there) and on no instance
/// with another database, even on the same machine with the same settings, nor on a copy of the database that runs
/// under another application name.
/// </summary>
public sealed class KeyRingTests
{
    private static async Task<string> SignedInCookieAsync(CxAppFactory app, string email)
    {
        await app.CreateUserAsync(email, Roles.Admin);
        return await Html.SignInAsync(app.NewClient(), email, CxAppFactory.Password);
    }

    private static async Task<HttpStatusCode> AdminPageWithAsync(CxAppFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (await client.GetAsync("/Admin")).StatusCode;
    }

    [Fact]
    public async Task Instances_share_cookies_through_their_database_and_never_across_databases()
    {
        using var first = new CxAppFactory();
        var cookie = await SignedInCookieAsync(first, "admin@test.local");
        Assert.Equal(HttpStatusCode.OK, await AdminPageWithAsync(first, cookie));
        Assert.Equal(1, await first.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().DataProtectionKeys.CountAsync()));

        // A second instance on the same database (same key ring, same user and stamp): the cookie works there.
        using var sameDatabase = new ApiAppFactory(new Dictionary<string, string?> { ["ConnectionStrings:Cx"] = first.ConnectionString });
        Assert.Equal(HttpStatusCode.OK, await AdminPageWithAsync(sameDatabase, cookie));

        // An instance with its own database on the same machine cannot even read the cookie.
        using var other = new CxAppFactory();
        await other.CreateUserAsync("admin@test.local", Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, await AdminPageWithAsync(other, cookie));
        var protectedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByFirst));
    }

    [Fact]
    public async Task A_copy_of_the_database_under_another_public_address_does_not_accept_the_originals_cookies()
    {
        using var production = new ApiAppFactory(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://cx.example.com" });
        var cookie = await SignedInCookieAsync(production, "admin@test.local");
        var copy = Path.Combine(Path.GetTempPath(), $"cxdashboard-test-copy-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection(production.ConnectionString))
            await using (var target = new SqliteConnection($"Data Source={copy}"))
            {
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target);
            }
            using var staging = new ApiAppFactory(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Cx"] = $"Data Source={copy}",
                ["App:PublicBaseUrl"] = "https://staging.cx.example.com",
            });
            Assert.Equal(HttpStatusCode.Redirect, await AdminPageWithAsync(staging, cookie));
            Assert.Equal(HttpStatusCode.OK, await AdminPageWithAsync(production, cookie));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(copy + suffix);
        }
    }
}
