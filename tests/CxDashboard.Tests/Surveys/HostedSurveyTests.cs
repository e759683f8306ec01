using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Surveys;

/// <summary>The hosted survey at /s/{token}, answered through its real form, against the boundary dataset's KPIs.</summary>
public sealed class HostedSurveyTests(HostedSurveyTests.Fixture fixture) : IClassFixture<HostedSurveyTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://cx.example.test" });
        public HttpClient Reader { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            Reader = await App.ApiClientAsync(ApiKeyScope.Read, "bi tool");
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string MarchKpis = "/api/v1/kpis?from=2026-03-01&to=2026-03-31";

    private Task<IssuedInvitation> LinkAsync(string contact, SurveyResponseKind kind = SurveyResponseKind.PostContact, long? callbackCase = null, string language = "sv") =>
        fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var id = await db.Contacts.Where(c => c.ExternalId == contact).Select(c => c.Id).SingleAsync();
            return await sp.GetRequiredService<SurveyInvitationService>().CreateAsync(id, kind, callbackCase, language);
        });

    private Task<T> Db<T>(Func<CxDbContext, Task<T>> query) =>
        fixture.App.WithScopeAsync(sp => query(sp.GetRequiredService<CxDbContext>()));

    private async Task<JsonElement> KpisAsync() => await (await fixture.Reader.GetAsync(MarchKpis)).JsonAsync();

    /// <summary>Opens the survey like a respondent, then posts its form (with the page's antiforgery token) one or more times.</summary>
    private static async Task<(IDocument Page, Func<Dictionary<string, string>, Task<HttpResponseMessage>> Post)> OpenAsync(HttpClient client, string path)
    {
        var page = await Html.GetDocumentAsync(client, path);
        var token = Html.AntiforgeryToken(page, "[data-testid=survey-form]");
        return (page, fields => client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token })));
    }

    [Fact]
    public async Task A_survey_answered_through_the_real_form_appears_in_the_kpi_json_at_once()
    {
        var before = await KpisAsync();
        var link = await LinkAsync("K3");

        var client = fixture.App.NewClient();
        var (page, post) = await OpenAsync(client, link.Path);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Vad tyckte du om kontakten?", page.QuerySelector("h1").Text());
        Assert.Contains("den 12 mars 2026 (telefon)", page.QuerySelector("[data-testid=survey-about]").Text());
        Assert.Null(page.QuerySelector("nav[aria-label=Main]")); // no staff top bar

        var response = await post(new() { ["Csat"] = "5", ["Resolved"] = "true", ["Nps"] = "9", ["Comment"] = "  Mycket bra hjälp  " });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await Html.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("Tack för ditt svar!", thanks.QuerySelector("h1").Text());

        // One more response, positive, resolved, a promoter: every count moves by exactly one.
        var after = await KpisAsync();
        foreach (var count in new[] { "responses", "csatPositive", "surveyFcrAnswered", "surveyFcrYes", "npsAnswered", "npsPromoters" })
            Assert.Equal(before.GetProperty(count).GetInt64() + 1, after.GetProperty(count).GetInt64());
        Assert.Equal(before.GetProperty("npsDetractors").GetInt64(), after.GetProperty("npsDetractors").GetInt64());
        var (positive, responses) = (after.GetProperty("csatPositive").GetInt64(), after.GetProperty("responses").GetInt64());
        Assert.Equal(100.0 * positive / responses, after.GetProperty("csatPercent").GetDouble(), 9);

        var hash = CxDashboard.Web.Features.Surveys.LinkTokens.Hash(link.Token);
        var invitation = await Db(db => db.SurveyInvitations.SingleAsync(i => i.TokenHash == hash));
        var stored = await Db(db => db.SurveyResponses.Include(r => r.Contact).SingleAsync(r => r.Id == invitation.ResponseId));
        Assert.Equal($"survey-{invitation.Id}", stored.ExternalId);
        Assert.Equal(("K3", SurveyResponseKind.PostContact, "Mycket bra hjälp"), (stored.Contact!.ExternalId, stored.Kind, stored.Comment));
        Assert.Equal(fixture.App.Clock.GetUtcNow().UtcDateTime, stored.ReceivedAtUtc);
    }

    [Fact]
    public async Task A_second_answer_on_a_used_link_is_refused_politely_and_writes_nothing()
    {
        var link = await LinkAsync("K4");
        var client = fixture.App.NewClient();
        var (_, post) = await OpenAsync(client, link.Path);
        Assert.Equal(HttpStatusCode.Redirect, (await post(new() { ["Csat"] = "2", ["Resolved"] = "false" })).StatusCode);
        var count = await Db(db => db.SurveyResponses.CountAsync());

        // The same form sent again (back button, double submit): refused with a polite page.
        var second = await post(new() { ["Csat"] = "5", ["Resolved"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = Html.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("Enkäten är redan besvarad", page.QuerySelector("h1").Text());
        Assert.Contains("varje länk kan bara användas en gång", page.QuerySelector("[data-testid=survey-message]").Text());
        Assert.Equal(count, await Db(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(2, await Db(db => db.SurveyResponses.Where(r => r.Contact!.ExternalId == "K4").Select(r => r.Csat).SingleAsync()));

        // Opening the link later says the same, without a form.
        var later = await Html.GetDocumentAsync(fixture.App.NewClient(), link.Path);
        Assert.Equal("Enkäten är redan besvarad", later.QuerySelector("h1").Text());
        Assert.Null(later.QuerySelector("form"));
    }

    [Fact]
    public async Task An_expired_link_is_refused_politely_even_with_the_form_open_and_writes_nothing()
    {
        var link = await LinkAsync("K10");
        var client = fixture.App.NewClient();
        var (_, post) = await OpenAsync(client, link.Path);
        var count = await Db(db => db.SurveyResponses.CountAsync());

        fixture.App.Clock.Advance(TimeSpan.FromDays(SurveyInvitationService.DefaultExpiryDays) + TimeSpan.FromMinutes(1));
        var response = await post(new() { ["Csat"] = "4", ["Resolved"] = "true" });
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Länken har gått ut", page.QuerySelector("h1").Text());
        Assert.Contains("till och med", page.QuerySelector("[data-testid=survey-message]").Text());
        Assert.Equal(count, await Db(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_link_gets_a_polite_404_page_without_the_staff_layout()
    {
        var response = await fixture.App.NewClient().GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Vi hittar ingen enkät för den här länken", page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task The_survey_switches_to_english_and_keeps_the_language_when_answering()
    {
        var link = await LinkAsync("K11");
        var client = fixture.App.NewClient();
        var swedish = await Html.GetDocumentAsync(client, link.Path);
        var switchLink = swedish.QuerySelector("[data-testid=switch-language]")!;
        Assert.Equal("en", switchLink.GetAttribute("hreflang"));

        var (english, post) = await OpenAsync(client, switchLink.GetAttribute("href")!);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("How was your contact with us?", english.QuerySelector("h1").Text());
        Assert.Contains("on 22 March 2026 (e-mail)", english.QuerySelector("[data-testid=survey-about]").Text());

        var missing = await post(new() { ["lang"] = "en", ["Resolved"] = "true" });
        var errors = Html.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("Choose how satisfied you are, 1 to 5.", errors.QuerySelector("[data-testid=error-summary] li").Text());

        var answered = await post(new() { ["lang"] = "en", ["Csat"] = "3", ["Resolved"] = "true" });
        var thanks = await Html.GetDocumentAsync(client, answered.Headers.Location!.OriginalString);
        Assert.Equal("Thank you for your answer!", thanks.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task A_missing_answer_is_announced_next_to_its_question_and_nothing_is_written()
    {
        var link = await LinkAsync("K9");
        var (_, post) = await OpenAsync(fixture.App.NewClient(), link.Path);
        var count = await Db(db => db.SurveyResponses.CountAsync());

        var response = await post(new() { ["Nps"] = "7", ["Comment"] = "Halvbra" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("[data-testid=error-summary]")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("#csat-1 #resolved-yes", string.Join(" ", summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))));
        var csatFieldset = page.GetElementById("csat-1")!.Closest("fieldset")!;
        Assert.Equal("csat-error", csatFieldset.GetAttribute("aria-describedby"));
        Assert.Equal("Välj hur nöjd du är, 1 till 5.", page.GetElementById("csat-error").Text());
        // What was filled in stays filled in.
        Assert.True(page.GetElementById("nps-7")!.HasAttribute("checked"));
        Assert.Equal("Halvbra", page.GetElementById("comment")!.TextContent);
        Assert.Equal(count, await Db(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task Every_control_has_a_label_and_every_group_a_legend()
    {
        var link = await LinkAsync("K8");
        var page = await Html.GetDocumentAsync(fixture.App.NewClient(), link.Path);
        Assert.Single(page.QuerySelectorAll("h1"));
        foreach (var input in page.QuerySelectorAll("form input:not([type=hidden]), form textarea"))
        {
            var label = page.QuerySelector($"label[for='{input.Id}']");
            Assert.True(label is not null && label.Text().Length > 0, $"{input.Id} has no label");
        }
        var legends = page.QuerySelectorAll("fieldset").Select(f => f.QuerySelector("legend").Text()).ToList();
        Assert.Equal(3, legends.Count);
        Assert.All(legends, l => Assert.False(string.IsNullOrWhiteSpace(l)));
        Assert.Equal(5, page.QuerySelectorAll("input[name=Csat]").Length);
        Assert.Equal(11, page.QuerySelectorAll("input[name=Nps]").Length);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_callback_follow_up_answer_is_stored_with_its_case_and_stays_out_of_the_contact_kpis()
    {
        var before = await KpisAsync();
        var link = await LinkAsync("K2", SurveyResponseKind.CallbackFollowUp, callbackCase: 42);
        var client = fixture.App.NewClient();
        var (page, post) = await OpenAsync(client, link.Path);
        Assert.Contains("ringde upp dig", page.QuerySelector("legend").Text());
        Assert.Null(page.QuerySelector("input[name=Nps]"));
        var listenerCount = fixture.App.Listener.Results.Count;

        Assert.Equal(HttpStatusCode.Redirect, (await post(new() { ["Csat"] = "5", ["Resolved"] = "true" })).StatusCode);

        var stored = await Db(db => db.SurveyResponses.SingleAsync(r => r.CallbackCaseId == 42));
        Assert.Equal((SurveyResponseKind.CallbackFollowUp, 5), (stored.Kind, stored.Csat));
        var after = await KpisAsync();
        Assert.Equal(before.GetProperty("responses").GetInt64(), after.GetProperty("responses").GetInt64());
        // The import listeners (e.g. the callback flagging) hear of hosted-survey answers too.
        Assert.Equal(listenerCount + 1, fixture.App.Listener.Results.Count);
    }
}
