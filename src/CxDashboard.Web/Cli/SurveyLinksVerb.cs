using System.CommandLine;
using System.Globalization;
using CsvHelper;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Ingestion.Files;
using CxDashboard.Web.Features.Surveys;

namespace CxDashboard.Web.Cli;

/// <summary>survey-links: hosted-survey links for a batch of contacts, for the contact centre's SMS or e-mail system.</summary>
public static class SurveyLinksVerb
{
    public static Command Create(CliContext context)
    {
        var contactIds = new Option<string?>("--contact-ids") { Description = "Contact ids (contact_id in files), comma-separated" };
        var file = new Option<FileInfo?>("--file") { Description = "A CSV file with a contact_id column, e.g. a contacts export" };
        var language = new Option<string>("--language") { Description = "The language the survey opens in: sv or en", DefaultValueFactory = _ => "sv" };
        language.AcceptOnlyFromAmong("sv", "en");
        var baseUrl = new Option<string?>("--base-url") { Description = $"The app's public address (default: {PublicLinks.BaseUrlKey})" };
        var format = CliOptions.Format("json", "csv");
        var command = new Command("survey-links",
            "Create single-use survey links (/s/…) for contacts and print contact id, URL and expiry; a contact with an open or answered survey gets no new link")
        {
            contactIds, file, language, baseUrl, format,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(contactIds) is null) == (result.GetValue(file) is null))
                result.AddError("Give either --contact-ids or --file.");
        });
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var links = services.GetRequiredService<PublicLinks>();
            var root = parse.GetValue(baseUrl)?.TrimEnd('/') ?? links.ConfiguredBaseUrl
                ?? throw new CliException($"{PublicLinks.NotConfigured} Or pass --base-url.", CliApp.UsageError);
            if (!Uri.TryCreate(root, UriKind.Absolute, out var rootUri) || rootUri.Scheme is not ("http" or "https"))
                throw new CliException($"'{root}' is not an http(s) address.", CliApp.UsageError);

            var (ids, lines) = parse.GetValue(file) is { } path ? ReadIds(path) : SplitIds(parse.GetValue(contactIds)!);
            var invitations = services.GetRequiredService<SurveyInvitationService>();
            var batch = await invitations.CreatePostContactLinksAsync(ids, parse.GetValue(language)!, token);
            if (!batch.Succeeded)
            {
                foreach (var error in batch.Errors)
                    await context.Error.WriteLineAsync(lines is null
                        ? $"contact id {error.Index + 1} ('{error.ContactId}'): {error.Message}"
                        : $"line {lines[Math.Min(error.Index, lines.Count - 1)]}, column contact_id: {error.Message}");
                await context.Error.WriteLineAsync("No links were created.");
                return CliApp.DataError;
            }

            var items = batch.Links.Select(l => new SurveyLinkItem(l.ContactId, ApiSurveyLinks.SurveyLinkStatusCode(l.Status),
                l.Path is null ? null : root + l.Path, l.ExpiresAtUtc)).ToList();
            if (parse.GetValue(format) == "csv") WriteCsv(context.Out, items);
            else context.WriteJson(new SurveyLinksResponse(parse.GetValue(language)!, invitations.ExpiryDays, items));
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static (IReadOnlyList<string?> Ids, IReadOnlyList<long>? Lines) SplitIds(string text) =>
        (text.Split(',').Select(id => (string?)id.Trim()).ToList(), null);

    /// <summary>The contact_id column of a CSV file (comma or semicolon, with or without BOM), with each id's line.</summary>
    private static (IReadOnlyList<string?> Ids, IReadOnlyList<long> Lines) ReadIds(FileInfo path)
    {
        if (!path.Exists) throw new CliException($"No such file: {path.FullName}", CliApp.UsageError);
        using var stream = path.OpenRead();
        try
        {
            using var reader = new CsvTabularReader(stream);
            var column = reader.Header.ToList().FindIndex(h => h.Equals("contact_id", StringComparison.OrdinalIgnoreCase));
            if (column < 0) throw new CliException($"{path.Name} has no contact_id column (columns: {string.Join(", ", reader.Header)}).");
            var ids = new List<string?>();
            var lines = new List<long>();
            while (reader.Read())
            {
                ids.Add(reader.Get(column));
                lines.Add(reader.Line);
            }
            if (ids.Count == 0) throw new CliException($"{path.Name} has a header row but no contact ids.");
            return (ids, lines);
        }
        catch (ImportFileException e)
        {
            throw new CliException($"{path.Name}: {e.Message}");
        }
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<SurveyLinkItem> items)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        csv.WriteHeader(["contact_id", "url", "expires_at", "status"]);
        foreach (var item in items)
        {
            csv.WriteField(item.ContactId);
            csv.WriteField(item.Url ?? "");
            csv.WriteField(item.ExpiresAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(item.Status);
            csv.EndRecord();
        }
    }
}
