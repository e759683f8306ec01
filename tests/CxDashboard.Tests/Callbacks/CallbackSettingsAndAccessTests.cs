using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

/// <summary>The admin page for rules and calendar, and who reaches the job dashboard.</summary>
public sealed class CallbackSettingsAndAccessTests : IAsyncLifetime
{
    private readonly JobDrivenAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Form(IDictionary<string, string> changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.LowCsatEnabled"] = "true", ["Input.LowCsatMax"] = "2", ["Input.NotResolvedEnabled"] = "true", ["Input.NotResolvedCsatMax"] = "3",
            ["Input.RepeatContactsEnabled"] = "true", ["Input.RepeatContacts"] = "3", ["Input.RepeatWindowDays"] = "7", ["Input.SlaWorkingHours"] = "9",
            ["Input.MaxTriggerAgeDays"] = "14", ["Input.UnreachableAfterAttempts"] = "3", ["Input.Holidays"] = "",
        };
        var days = WorkingCalendar.WeekFromMonday;
        for (var i = 0; i < days.Count; i++)
        {
            form[$"Input.Days[{i}].Day"] = days[i].ToString();
            form[$"Input.Days[{i}].Works"] = i < 5 ? "true" : "false";
            form[$"Input.Days[{i}].Opens"] = "08:00";
            form[$"Input.Days[{i}].Closes"] = "17:00";
        }
        foreach (var (key, value) in changes) form[key] = value;
        return form;
    }

    [Fact]
    public async Task An_admin_changes_the_rules_and_calendar_and_new_cases_follow_them()
    {
        await CallbackDataset.LoadAsync(_app); // first: moving the clock on would end a sign-in session
        var admin = await _app.SignedInClientAsync("settings-admin@test.local", Roles.Admin);
        var page = await CallbackPages.SubmitAndReadAsync(admin, "/Callbacks/Settings", "[data-testid=settings-form]", Form(new Dictionary<string, string>
        {
            ["Input.LowCsatMax"] = "3", ["Input.SlaWorkingHours"] = "4",
            ["Input.Days[5].Works"] = "true", ["Input.Days[5].Opens"] = "10:00", ["Input.Days[5].Closes"] = "14:00",
            ["Input.Holidays"] = "2026-05-11 Stängt för utbildning",
        }));
        Assert.StartsWith("Saved.", CallbackPages.Message(page));
        Assert.Equal("3", page.QuerySelector("#Input_LowCsatMax")!.GetAttribute("value"));
        Assert.Equal("2026-05-11 Stängt för utbildning", page.QuerySelector("#Input_Holidays").Text());

        // R102 (CSAT 2, Saturday 11:00) is now due after 4 working hours: Saturday 11:00–14:00 is 3, Monday 11 May is a
        // holiday, so the last hour is Tuesday 08:00–09:00. R103 (CSAT 3, resolved or not) is now a low-CSAT trigger.
        await CallbackDataset.FlagAsync(_app, CallbackDataset.Now);
        var cases = (await CallbackDataset.CasesAsync(_app)).ToDictionary(c => c.Customer);
        Assert.Equal(new DateTime(2026, 5, 12, 7, 0, 0, DateTimeKind.Utc), cases["CU2"].DueAtUtc);
        Assert.Equal(Web.Data.Entities.CallbackRule.LowCsat, cases["CU3"].Triggers[0].Rule);
        Assert.Contains("CU4", cases.Keys); // CSAT 3, resolved: flagged under the new threshold

        var worklist = await Html.GetDocumentAsync(admin, "/Callbacks");
        Assert.Contains("SLA: first attempt within 4 working hours (Mon–Fri 08:00–17:00, Sat 10:00–14:00, Europe/Stockholm)", worklist.QuerySelector("[data-testid=scope-line]").Text());
    }

    [Fact]
    public async Task Bad_settings_are_named_and_nothing_is_saved()
    {
        var admin = await _app.SignedInClientAsync("settings-admin@test.local", Roles.Admin);
        var page = await CallbackPages.SubmitAndReadAsync(admin, "/Callbacks/Settings", "[data-testid=settings-form]", Form(new Dictionary<string, string>
        {
            ["Input.LowCsatMax"] = "7", ["Input.Days[1].Closes"] = "07:00", ["Input.Holidays"] = "2026-05-11 ok\n11/05/2026 not a date",
        }));
        Assert.Equal(
        [
            "The low-CSAT threshold must be 1–4 (was 7).",
            "Tuesday: closing time 07:00 must be after opening time 08:00.",
            "Holidays, line 2: '11/05/2026' is not a date (write YYYY-MM-DD, then the name).",
        ], page.QuerySelectorAll("[data-testid=errors] li").Select(li => li.Text()));
        Assert.False(await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackSettings.AnyAsync()));

        var noDays = await CallbackPages.SubmitAndReadAsync(admin, "/Callbacks/Settings", "[data-testid=settings-form]", Form(
            Enumerable.Range(0, 7).ToDictionary(i => $"Input.Days[{i}].Works", _ => "false")));
        Assert.Contains("At least one day of the week must be a working day, or no case could ever fall due.",
            noDays.QuerySelectorAll("[data-testid=errors] li").Select(li => li.Text()));
    }

    [Fact]
    public async Task Swedish_holidays_are_one_click_away()
    {
        var admin = await _app.SignedInClientAsync("settings-admin@test.local", Roles.Admin);
        var page = await CallbackPages.SubmitAndReadAsync(admin, "/Callbacks/Settings", "form[action*='handler=SwedishHolidays']");
        Assert.Equal("32 Swedish public holiday(s) for 2026 and 2027 added to the calendar.", CallbackPages.Message(page));
        Assert.Contains("2026-06-19 Midsommarafton", page.QuerySelector("#Input_Holidays").Text());
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Callback)]
    public Task Only_admins_edit_the_rules(string role) => CallbackPages.AssertRefusedAsync(_app, role, "/Callbacks/Settings");

    [Fact]
    public async Task The_job_dashboard_is_for_admins_only_and_lists_the_callback_jobs()
    {
        var admin = await _app.SignedInClientAsync("jobs-admin@test.local", Roles.Admin);
        var recurring = await admin.GetAsync("/hangfire/recurring");
        var body = await recurring.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.Contains("CxDashboard jobs", body);
        Assert.Contains(CallbackFlaggingJob.RecurringJobId, body);
        Assert.Contains(CallbackEscalationJob.RecurringJobId, body);

        foreach (var role in new[] { Roles.Manager, Roles.Callback, Roles.Leadership })
        {
            var client = await _app.SignedInClientAsync($"jobs-{role}@test.local", role);
            var response = await client.GetAsync("/hangfire");
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{role}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location!.ToString());
            Assert.DoesNotContain("CxDashboard jobs", await response.Content.ReadAsStringAsync());
        }
        var anonymous = await _app.NewClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", anonymous.Headers.Location!.ToString());
    }
}
