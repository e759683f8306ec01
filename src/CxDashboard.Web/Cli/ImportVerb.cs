using System.CommandLine;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Cli;

public static class ImportVerb
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "contacts, survey-responses, agents or engagement" };
        kind.AcceptOnlyFromAmong(Enum.GetValues<ImportKind>().Select(k => k.Code()).ToArray());
        var file = new Argument<FileInfo>("file") { Description = "A CSV (UTF-8, comma or semicolon) or XLSX file" };
        var also = new Option<string[]>("--also")
        {
            Description = "Another file imported in the same transaction, as KIND=FILE (repeatable), e.g. --also survey-responses=responses.csv",
            AllowMultipleArgumentsPerToken = false,
        };
        var validRowsOnly = new Option<bool>("--valid-rows-only") { Description = "Import the valid rows even when some rows have errors" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and count only; write nothing" };
        var format = CliOptions.Format("text", "json");

        var command = new Command("import", "Import a file (or several together: all or nothing); with errors, nothing is written (exit 1)")
        {
            kind, file, also, validRowsOnly, dryRun, format,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            ImportSchemas.TryParseKind(parse.GetValue(kind), out var importKind);
            var inputs = new List<(ImportKind Kind, FileInfo File)> { (importKind, parse.GetValue(file)!) };
            foreach (var extra in parse.GetValue(also) ?? [])
            {
                var parts = extra.Split('=', 2);
                if (parts.Length != 2 || !ImportSchemas.TryParseKind(parts[0], out var extraKind))
                    throw new CliException($"--also: '{extra}' is not KIND=FILE (kinds: {string.Join(", ", Enum.GetValues<ImportKind>().Select(k => k.Code()))})", CliApp.UsageError);
                inputs.Add((extraKind, new FileInfo(parts[1])));
            }
            if (inputs.FirstOrDefault(i => !i.File.Exists) is { File: not null } missing)
                throw new CliException($"No such file: {missing.File.FullName}", CliApp.UsageError);
            if (inputs.GroupBy(i => i.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new CliException($"Two {twice.Key.Code()} files: import one file of each kind at a time.", CliApp.UsageError);

            var streams = inputs.Select(i => (Stream)i.File.OpenRead()).ToList();
            ImportBatchResult batch;
            try
            {
                batch = await services.GetRequiredService<ImportService>().ImportBatchAsync(
                    [.. inputs.Select((input, index) => new ImportBatchFile(input.Kind, streams[index], input.File.Name))],
                    new ImportOptions
                    {
                        ValidRowsOnly = parse.GetValue(validRowsOnly),
                        DryRun = parse.GetValue(dryRun),
                        ChangeSource = ChangeSource.CommandLine(inputs.Select(i => i.File.Name)),
                    }, token);
            }
            finally
            {
                foreach (var stream in streams) await stream.DisposeAsync();
            }

            await services.GetRequiredService<ImportHistoryRecorder>().RecordAsync(
                ImportHistoryRecorder.CommandLineUserId, "Command line (import)",
                [.. inputs.Select(i => (i.File.Name, i.File.Length))], batch, parse.GetValue(validRowsOnly), token);

            var named = inputs.Count > 1;
            if (parse.GetValue(format) == "json")
            {
                context.WriteJson(inputs.Count == 1 ? ToJson(batch.Files[0], null) : new
                {
                    wroteData = batch.WroteData,
                    files = batch.Files.Select((r, i) => ToJson(r, inputs[i].File.Name)),
                });
            }
            else
            {
                for (var i = 0; i < batch.Files.Count; i++) WriteText(context, batch.Files[i], named ? inputs[i].File.Name : null);
            }
            return batch.Files.Any(r => r.Outcome is ImportOutcome.FileRejected or ImportOutcome.RejectedWithErrors or ImportOutcome.BlockedByOtherFile)
                ? CliApp.DataError
                : CliApp.Success;
        }, ct));
        return command;
    }

    private static object ToJson(ImportResult r, string? file) => new
    {
        file,
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

    private static void WriteText(CliContext context, ImportResult r, string? file)
    {
        var prefix = file is null ? "" : $"{file}: ";
        if (r.FileError is not null)
        {
            context.Error.WriteLine($"{prefix}error: {r.FileError} Nothing was imported.");
            return;
        }
        foreach (var error in r.Errors) context.Error.WriteLine(prefix + error);
        if (r.ErrorCount > r.Errors.Count) context.Error.WriteLine($"{prefix}… and {r.ErrorCount - r.Errors.Count} more errors.");
        foreach (var warning in r.Warnings) context.Out.WriteLine($"{prefix}warning: {warning}");

        var counts = $"{r.Rows} rows: {r.Inserted} inserted, {r.Updated} updated, {r.Unchanged} unchanged, {r.Rejected} rejected";
        context.Out.WriteLine(prefix + r.Outcome switch
        {
            ImportOutcome.Imported => $"Imported {r.Kind.DisplayName()}. {counts} ({r.RowsPerSecond:0} rows/s).",
            ImportOutcome.ImportedValidRows => $"Imported the valid {r.Kind.DisplayName()} rows. {counts}.",
            ImportOutcome.Previewed => $"Dry run, nothing written. {counts}{(r.ErrorCount > 0 ? $"; {r.ErrorCount} errors" : "")}.",
            ImportOutcome.BlockedByOtherFile => $"Nothing was imported: this file is valid ({r.Rows} rows), but another file imported with it has errors.",
            _ => $"Nothing was imported: {r.ErrorCount} error(s) in {r.Rows} rows. Fix them, or use --valid-rows-only to import the other {r.Rows - r.Rejected} rows.",
        });
    }
}
