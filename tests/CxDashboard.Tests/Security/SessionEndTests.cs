using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>A sign-in cookie copied before sign-out, a password change or a role change no longer works afterwards.</summary>
public sealed class SessionEndTests(SessionEndTests.Fixture fixture) : IClassFixture<SessionEndTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public CxAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private CxAppFactory App => fixture.App;

    /// <summary>A second client that sends only the given sign-in cookie, as an attacker who copied it would.</summary>
    private HttpClient WithCopiedCookie(string cookie)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<string> SignInAndCopyCookieAsync(string email, string role)
    {
        await App.CreateUserAsync(email, role);
        var client = App.NewClient();
        var cookie = await Html.SignInAsync(client, email, CxAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await WithCopiedCookie(cookie).GetAsync("/help/metrics")).StatusCode);
        _signedIn[cookie] = client;
        return cookie;
    }

    private readonly Dictionary<string, HttpClient> _signedIn = [];

    private async Task AssertSentToLoginAsync(string cookie)
    {
        var response = await WithCopiedCookie(cookie).GetAsync("/help/metrics");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_is_sent_to_the_login_page()
    {
        var cookie = await SignInAndCopyCookieAsync("leaving@test.local", Roles.Manager);
        await Html.SignOutAsync(_signedIn[cookie]);
        await AssertSentToLoginAsync(cookie);
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_user()
    {
        var cookie = await SignInAndCopyCookieAsync("reset@test.local", Roles.Leadership);
        await App.WithScopeAsync(async sp =>
        {
            var id = await sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == "reset@test.local").Select(u => u.Id).SingleAsync();
            var result = await sp.GetRequiredService<UserAdminService>().ResetPasswordAsync(id, "Another!2026pw");
            Assert.True(result.Succeeded);
        });
        await AssertSentToLoginAsync(cookie);
    }

    [Fact]
    public async Task A_role_change_ends_every_session_of_the_user_at_once()
    {
        var cookie = await SignInAndCopyCookieAsync("promoted@test.local", Roles.Agent);
        await App.WithScopeAsync(async sp =>
        {
            var id = await sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == "promoted@test.local").Select(u => u.Id).SingleAsync();
            await sp.GetRequiredService<UserAdminService>().UpdateAsync(id, "Promoted", [Roles.Manager], [], disabled: false);
        });
        await AssertSentToLoginAsync(cookie);
    }

    [Fact]
    public async Task Signing_out_elsewhere_leaves_other_users_signed_in()
    {
        var keeps = await SignInAndCopyCookieAsync("stays@test.local", Roles.Manager);
        var leaves = await SignInAndCopyCookieAsync("goes@test.local", Roles.Manager);
        await Html.SignOutAsync(_signedIn[leaves]);
        Assert.Equal(HttpStatusCode.OK, (await WithCopiedCookie(keeps).GetAsync("/help/metrics")).StatusCode);
    }
}
