using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Localisation;

/// <summary>
/// Every page, as every role and signed out, in Swedish with every resource string wrapped in ⟦…⟧: any visible text
/// outside the markers that is not data (names, numbers, dates, customer text — whatever the database holds) is a word
/// that bypasses the resources. Pages come from the endpoint data source; pages with route values are reached through
/// the links of the others.
/// </summary>
public sealed class PseudoLocalisationTests(PseudoLocalisationTests.Fixture fixture) : IClassFixture<PseudoLocalisationTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PseudoLocalisedAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    /// <summary>Words that are names, not language: the product's name and the file formats it reads and writes.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "CxDashboard", "CSV", "XLSX" };

    private static readonly string[] NeverFollowed = ["/hangfire", "/api", "/openapi", "/health", "/Account/Logout"];

    private sealed record PagePath(string Page, Regex Matches, string? Address);

    [Fact]
    public async Task Every_page_shows_only_resource_words_and_data_to_every_role()
    {
        var pages = PagesFromEndpoints();
        var linkedNowhere = await AddressesLinkedNowhereAsync();
        var data = await DataStringsAsync();
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();

        var visitors = new List<(string Who, HttpClient Client)> { ("signed out", fixture.App.NewClient()) };
        foreach (var login in DemoSeeder.Logins.DistinctBy(l => l.Role))
        {
            var client = fixture.App.NewClient();
            await Html.SignInAsync(client, login.Email, DemoSeeder.DemoPassword);
            visitors.Add((login.Role, client));
        }

        foreach (var (who, client) in visitors)
        {
            // The error page as a missing address shows it first; then every page without route values, then their links.
            var queue = new Queue<string>(pages.Where(p => p.Address is not null).Select(p => p.Address!).Concat(linkedNowhere).Prepend("/no-such-page"));
            var seenPages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seenAddresses = new HashSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var address))
            {
                if (!seenAddresses.Add(address)) continue;
                var path = address.Split('?', '#')[0];
                var page = pages.FirstOrDefault(p => p.Matches.IsMatch(path));
                var key = page?.Page ?? "/Error";
                if (!seenPages.Add(key)) continue;

                var response = await client.GetAsync(address);
                reached.Add(key);
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
                {
                    // A page that only sends the visitor on (sign-in, language switch) has no words; another address may still show it.
                    seenPages.Remove(key);
                    if (Followable(location.OriginalString) is { } next) queue.Enqueue(next);
                    continue;
                }
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var document = Html.Parse(await response.Content.ReadAsStringAsync());
                foreach (var link in document.QuerySelectorAll("a[href]").Select(a => Followable(a.GetAttribute("href")!)).OfType<string>())
                    queue.Enqueue(link);
                var words = WordsOutsideResources(document, data);
                if (words.Count > 0)
                    problems.Add($"{key} as {who} ({address}): {string.Join(" | ", words.Take(12))}");
            }
        }

        var unreached = pages.Select(p => p.Page).Distinct().Where(p => !reached.Contains(p)).ToList();
        Assert.True(unreached.Count == 0, "Pages no visitor reached (give them a link or an address): " + string.Join(", ", unreached));
        Assert.True(problems.Count == 0, "Words outside the resources:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Resources_inside_resources_are_read_as_resources()
    {
        var document = Html.Parse("<body><p>⟦Rapport: ⟦1–28 ⟦februari⟧ 2026⟧, jämfört med ⟦⟦januari⟧ 2026⟧ och <b>⟦mars⟧</b>.⟧</p></body>");
        Assert.Empty(WordsOutsideResources(document, new DataStrings([])));
    }

    [Fact]
    public void A_resource_cut_apart_in_code_is_reported()
    {
        // "⟦januari,februari,mars⟧" split at its commas: the first and last pieces keep one marker each, the middle none.
        var document = Html.Parse("<body><p>⟦Jämfört med ⟦⟦januari 2026⟧ och ⟦februari 2025⟧.⟧</p><p>⟦Mot ⟦mars⟧</p></body>");
        var words = WordsOutsideResources(document, new DataStrings([]));
        Assert.Contains(words, w => w.StartsWith("unpaired ⟦", StringComparison.Ordinal));
    }

    /// <summary>
    /// Addresses no page links to: a team's pulse link and a customer's survey link (handed out, never shown as links),
    /// and the rating sheet and edit page of an open round (the demo's rounds are closed).
    /// </summary>
    private async Task<IReadOnlyList<string>> AddressesLinkedNowhereAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CxDbContext>();
        var team = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var pulse = await services.GetRequiredService<PulseService>().RenewLinkAsync(team);
        var contact = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var survey = await services.GetRequiredService<SurveyInvitationService>().CreateAsync(contact);
        var adminEmail = DemoSeeder.Logins.First(l => l.Role == Roles.Admin).Email;
        var admin = await db.Users.Where(u => u.Email == adminEmail).Select(u => u.Id).FirstAsync();
        var model = (await services.GetRequiredService<MaturityModelService>().GetCurrentAsync()).Definition;
        var round = await services.GetRequiredService<MaturityRoundService>().OpenAsync(new MaturityRoundForm
        {
            Name = "Pseudo",
            AssessedOn = new DateOnly(2026, 1, 1),
            RaterUserIds = [admin],
            Targets = model.Capabilities.ToDictionary(c => c.Key, _ => (int?)3),
        }, admin);
        Assert.True(round.Succeeded, string.Join("; ", round.Errors.Values));
        return [$"/pulse/{pulse}", survey.Path, $"/Maturity/Rounds/{round.Id}/Rate", $"/Maturity/Rounds/{round.Id}/Edit"];
    }

    /// <summary>A local address worth visiting (pages only: no sign-out, API, jobs dashboard, files or handlers).</summary>
    private static string? Followable(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return null;
        if (NeverFollowed.Any(p => href.StartsWith(p, StringComparison.OrdinalIgnoreCase))) return null;
        if (href.Contains("handler=", StringComparison.OrdinalIgnoreCase)) return null;
        return href.Split('#')[0];
    }

    /// <summary>Every Razor page of the app with a pattern that recognises its addresses, and an address when it needs no route values.</summary>
    private List<PagePath> PagesFromEndpoints()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pages = new List<PagePath>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var pattern = endpoint.RoutePattern;
            var regex = new StringBuilder("^");
            foreach (var segment in pattern.PathSegments)
            {
                var optional = segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart { IsOptional: true };
                var part = string.Concat(segment.Parts.Select(p => p switch
                {
                    RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                    RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
                    // "/Maturity/Rounds/New" is its own page, not a round's id.
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(x => x.Content == "int") => @"\d+",
                    _ => "[^/]+",
                }));
                regex.Append(optional ? $"(?:/{part})?" : $"/{part}");
            }
            regex.Append("/?$");
            var address = pattern.Parameters.Count == 0 ? "/" + pattern.RawText?.TrimStart('/') : null;
            pages.Add(new PagePath(page.ViewEnginePath, new Regex(regex.ToString(), RegexOptions.IgnoreCase), address));
        }
        return pages;
    }

    /// <summary>The text a person reads on the page, outside ⟦…⟧, that is neither data nor a number, date or sign.</summary>
    private static List<string> WordsOutsideResources(IDocument document, DataStrings data)
    {
        // A text area holds what a person typed (data), not the page's words; a code element holds a code (an import column's
        // name, a value to type), which is the same in every language.
        foreach (var hidden in document.QuerySelectorAll("script, style, template, textarea, code").ToList()) hidden.Remove();
        var body = document.Body ?? throw new InvalidOperationException("no body");
        // Text nodes in order with a boundary between them; a resource may hold markup, so its ⟦ and ⟧ can sit in different nodes.
        var text = string.Join("\u0001", body.Descendants<IText>().Select(t => t.Data));
        string previous;
        do
        {
            previous = text;
            text = Regex.Replace(text, "⟦[^⟦⟧]*⟧", "\u0001");
        } while (text != previous);

        var words = new List<string>();
        // A marker left without its pair: a resource was cut apart in code (a list split at its commas, a substring).
        foreach (Match unpaired in Regex.Matches(text, "[⟦⟧]"))
            words.Add($"unpaired {unpaired.Value} near “{text.Substring(Math.Max(0, unpaired.Index - 20), Math.Min(text.Length, unpaired.Index + 21) - Math.Max(0, unpaired.Index - 20)).Replace('\u0001', ' ')}”");
        foreach (var fragment in text.Split('\u0001'))
        {
            var trimmed = fragment.Trim();
            if (!trimmed.Any(char.IsLetter) || data.Contains(trimmed)) continue;
            foreach (var piece in Regex.Split(trimmed, @"\s[·–—|/]\s|[()\[\]\n]|,\s|:\s|;\s"))
            {
                var candidate = piece.Trim().Trim('.', ':', ',', '"', '”', '“', '…', '\'', ' ', '·', '–', '—');
                if (!candidate.Any(char.IsLetter) || data.Contains(candidate) || data.IsPartOfSome(candidate)) continue;
                if (candidate.Contains('@') || candidate.StartsWith("http", StringComparison.Ordinal)) continue;
                if (TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out _)) continue; // a time zone's id ("Europe/Stockholm") is a code
                var letters = Regex.Matches(candidate, @"\p{L}[\p{L}\-]*").Select(m => m.Value).Where(w => !Names.Contains(w) && !data.IsDateWord(w)).ToList();
                if (letters.Count > 0) words.Add(candidate);
            }
        }
        return words.Distinct().ToList();
    }

    /// <summary>Everything people or imports put in the database (and the seeded demo): names, comments, codes, model text.</summary>
    private sealed class DataStrings(HashSet<string> values)
    {
        private static readonly HashSet<string> DateWords = BuildDateWords();

        public bool Contains(string text) => values.Contains(text);

        public bool IsPartOfSome(string text) => text.Length >= 4 && values.Any(v => v.Contains(text, StringComparison.Ordinal));

        public bool IsDateWord(string word) => DateWords.Contains(word);

        private static HashSet<string> BuildDateWords()
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var culture in new[] { CultureInfo.GetCultureInfo("sv-SE"), CultureInfo.GetCultureInfo("en-GB") })
            {
                var format = culture.DateTimeFormat;
                foreach (var name in format.MonthNames.Concat(format.AbbreviatedMonthNames).Concat(format.DayNames).Concat(format.AbbreviatedDayNames))
                    if (name.Length > 0) words.Add(name.TrimEnd('.'));
            }
            return words;
        }
    }

    private static readonly HashSet<string> NotData = new(StringComparer.OrdinalIgnoreCase)
    {
        "__EFMigrationsHistory", "AspNetRoles", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserTokens", "AspNetUserLogins",
        "AspNetUserRoles", "DataProtectionKeys",
    };

    private async Task<DataStrings> DataStringsAsync()
    {
        _ = fixture.App.Services; // started, migrated and seeded
        var values = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables.Where(t => !NotData.Contains(t)))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i) || reader.GetFieldType(i) != typeof(string)) continue;
                    Add(values, reader.GetString(i));
                }
            }
        }
        // The pulse statements are the organisation's text too, kept in a file rather than the database.
        foreach (var statement in fixture.App.Services.GetRequiredService<CxDashboard.Web.Features.Engagement.PulseStatements>().All)
        {
            Add(values, statement.Sv);
            Add(values, statement.En);
        }
        return new DataStrings(values);
    }

    private static void Add(HashSet<string> values, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 2 || !trimmed.Any(char.IsLetter)) return;
        if (trimmed[0] is '{' or '[')
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                AddJson(values, json.RootElement);
                return;
            }
            catch (JsonException) { }
        }
        values.Add(trimmed);
    }

    private static void AddJson(HashSet<string> values, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: Add(values, element.GetString()!); break;
            case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) AddJson(values, item); break;
            case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) AddJson(values, property.Value); break;
        }
    }
}
