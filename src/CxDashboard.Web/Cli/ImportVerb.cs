using System.CommandLine;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Cli;

public static class ImportVerb
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "contacts, survey-responses, agents or engagement" };
        kind.AcceptOnlyFromAmong(Enum.GetValues<ImportKind>().Select(k => k.Code()).ToArray());
        var file = new Argument<FileInfo>("file") { Description = "A CSV (UTF-8, comma or semicolon) or XLSX file" };
        var validRowsOnly = new Option<bool>("--valid-rows-only") { Description = "Import the valid rows even when some rows have errors" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and count only; write nothing" };
        var format = CliOptions.Format("text", "json");

        var command = new Command("import", "Import a file in the formats of import-formats.md; with errors, nothing is written (exit 1)")
        {
            kind, file, validRowsOnly, dryRun, format,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            ImportSchemas.TryParseKind(parse.GetValue(kind), out var importKind);
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"No such file: {path.FullName}", CliApp.UsageError);

            await using var stream = path.OpenRead();
            var result = await services.GetRequiredService<ImportService>().ImportFileAsync(importKind, stream, new ImportOptions
            {
                ValidRowsOnly = parse.GetValue(validRowsOnly),
                DryRun = parse.GetValue(dryRun),
            }, token);

            if (parse.GetValue(format) == "json") context.WriteJson(ToJson(result));
            else WriteText(context, result);
            return result.Outcome is ImportOutcome.FileRejected or ImportOutcome.RejectedWithErrors ? CliApp.DataError : CliApp.Success;
        }, ct));
        return command;
    }

    private static object ToJson(ImportResult r) => new
    {
        kind = r.Kind.Code(),
        outcome = r.Outcome.ToString(),
        rows = r.Rows,
        inserted = r.Inserted,
        updated = r.Updated,
        unchanged = r.Unchanged,
        rejected = r.Rejected,
        errorCount = r.ErrorCount,
        fileError = r.FileError,
        errors = r.Errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }),
        warnings = r.Warnings,
        seconds = r.Duration.TotalSeconds,
    };

    private static void WriteText(CliContext context, ImportResult r)
    {
        if (r.FileError is not null)
        {
            context.Error.WriteLine($"error: {r.FileError} Nothing was imported.");
            return;
        }
        foreach (var error in r.Errors) context.Error.WriteLine(error.ToString());
        if (r.ErrorCount > r.Errors.Count) context.Error.WriteLine($"… and {r.ErrorCount - r.Errors.Count} more errors.");
        foreach (var warning in r.Warnings) context.Out.WriteLine($"warning: {warning}");

        var counts = $"{r.Rows} rows: {r.Inserted} inserted, {r.Updated} updated, {r.Unchanged} unchanged, {r.Rejected} rejected";
        context.Out.WriteLine(r.Outcome switch
        {
            ImportOutcome.Imported => $"Imported {r.Kind.DisplayName()}. {counts} ({r.RowsPerSecond:0} rows/s).",
            ImportOutcome.ImportedValidRows => $"Imported the valid {r.Kind.DisplayName()} rows. {counts}.",
            ImportOutcome.Previewed => $"Dry run, nothing written. {counts}{(r.ErrorCount > 0 ? $"; {r.ErrorCount} errors" : "")}.",
            _ => $"Nothing was imported: {r.ErrorCount} error(s) in {r.Rows} rows. Fix them, or use --valid-rows-only to import the other {r.Rows - r.Rejected} rows.",
        });
    }
}
