using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CxDashboard.Web.Features.Maturity.Export;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Maturity.Rounds;

namespace CxDashboard.Web.Cli;

/// <summary>`maturity results|export|import-model`: a round's results as JSON or a table, a round as a workbook, a model file as a new version.</summary>
public static class MaturityVerbs
{
    public static Command Maturity(CliContext context) => new("maturity", "The CX maturity model: round results, round export, model import")
    {
        Results(context),
        Export(context),
        ImportModel(context),
    };

    private static Option<int?> RoundOption() => new("--round") { Description = "Round id (default: the latest closed round)" };

    private static Command Results(CliContext context)
    {
        var round = RoundOption();
        var format = CliOptions.Format("json", "table");
        var command = new Command("results", "A round's results per capability, largest gap to target first") { round, format };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var result = await ResolveAsync(services, parse.GetValue(round), token);
            if (parse.GetValue(format) == "json") context.WriteJson(ToJson(result));
            else WriteTable(context.Out, result);
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var round = RoundOption();
        var output = new Option<string>("--out") { Description = "The .xlsx file to write", Required = true };
        var withRatings = new Option<bool>("--with-ratings") { Description = "Include each rater's individual ratings (administrators' export)" };
        var command = new Command("export", "Write a round to an Excel workbook (results, statements, comments, actions)") { round, output, withRatings };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var result = await ResolveAsync(services, parse.GetValue(round), token);
            var watch = Stopwatch.StartNew();
            var file = await services.GetRequiredService<MaturityExportService>().ExportAsync(result.Round.Id, parse.GetValue(withRatings), "en", token);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            await Hosting.PrivateFiles.WriteAllBytesAsync(path, file!.Content, token);
            await context.Out.WriteLineAsync($"Wrote {path}: round {result.Round.Id} \"{result.Round.Name}\", {file.Content.Length:N0} bytes in {watch.ElapsedMilliseconds} ms.");
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static Command ImportModel(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A maturity model JSON file (the format of seed-data/maturity-model.json)" };
        var note = new Option<string?>("--note") { Description = "What changed, for the version history" };
        var command = new Command("import-model", "Check a model file and store it as the next model version (open and closed rounds keep theirs)") { file, note };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"{path}: no such file", CliApp.UsageError);
            MaturityModelDefinition definition;
            try
            {
                definition = MaturityModelJson.Parse(await File.ReadAllTextAsync(path, token));
            }
            catch (MaturityModelException e)
            {
                foreach (var error in e.Errors) await context.Error.WriteLineAsync($"{path}: {error}");
                throw new CliException($"{path}: the model is not valid ({e.Errors.Count} error(s)); nothing was stored.");
            }
            var saved = await services.GetRequiredService<MaturityModelService>()
                .SaveAsync(definition, parse.GetValue(note) ?? $"Imported from {Path.GetFileName(path)}", null, token);
            if (!saved.Succeeded) throw new CliException(string.Join("; ", saved.Errors));
            await context.Out.WriteLineAsync(saved.Unchanged
                ? $"The model in {path} is the current version ({saved.Saved!.Version}); nothing stored."
                : $"Stored as model version {saved.Saved!.Version}: {definition.Capabilities.Count} capabilities, {definition.AllStatements.Count()} statements.");
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static async Task<MaturityRoundResult> ResolveAsync(IServiceProvider services, int? roundId, CancellationToken ct)
    {
        var rounds = services.GetRequiredService<MaturityRoundService>();
        var id = roundId ?? (await rounds.LatestClosedAsync(ct))?.Id
                 ?? throw new CliException("No round has been closed yet; name one with --round.");
        return await services.GetRequiredService<MaturityResultsService>().GetAsync(id, ct)
               ?? throw new CliException($"No round {id}.", CliApp.UsageError);
    }

    private static object ToJson(MaturityRoundResult result) => new
    {
        round = Summary(result.Round),
        previous = result.Previous is { } p ? Summary(p) : null,
        result.RatersAsked,
        result.RatersSubmitted,
        result.OverallMean,
        result.OverallTarget,
        capabilities = result.RankedByGap.Select(c => new
        {
            key = c.Key,
            name = c.Capability.Name.En,
            mean = c.Score.Mean,
            raters = c.Score.Raters,
            standardDeviation = c.Score.StandardDeviation,
            lowerQuartile = c.Score.LowerQuartile,
            upperQuartile = c.Score.UpperQuartile,
            interquartileRange = c.Score.InterquartileRange,
            disagreement = c.Score.Disagreement,
            target = c.Score.TargetLevel,
            gap = c.Score.Gap,
            previousMean = c.Score.PreviousMean,
            change = c.Score.Change,
            ratings = c.Score.Ratings,
            dontKnows = c.Score.DontKnows,
        }),
    };

    private static object Summary(MaturityRoundSummary round) => new
    {
        id = round.Id,
        name = round.Name,
        assessedOn = round.AssessedOn,
        status = round.Status.ToString().ToLowerInvariant(),
        modelVersion = round.ModelVersion,
    };

    private static void WriteTable(TextWriter output, MaturityRoundResult r)
    {
        static string N(double? value, string format = "0.0") =>
            value is { } v ? Features.Presentation.Display.RoundForDisplay(v, format.Contains("0.00", StringComparison.Ordinal) ? 2 : 1).ToString(format, CultureInfo.InvariantCulture) : "–";
        output.WriteLine($"{r.Round.Name} (round {r.Round.Id}, as of {r.Round.AssessedOn:yyyy-MM-dd}, {r.Round.Status.ToString().ToLowerInvariant()}, model v{r.Round.ModelVersion}): " +
                         $"{r.RatersSubmitted} of {r.RatersAsked} raters submitted; overall {N(r.OverallMean)}" +
                         (r.Previous is { } p ? $"; compared with {p.Name}" : ""));
        output.WriteLine($"{"#",2} {"Capability",-42} {"Level",5} {"Raters",6} {"SD",5} {"IQR",5} {"Target",6} {"Gap",5} {"Change",6}");
        var rank = 0;
        foreach (var c in r.RankedByGap)
        {
            var s = c.Score;
            output.WriteLine($"{++rank,2} {c.Capability.Name.En,-42} {N(s.Mean),5} {s.Raters,6} {N(s.StandardDeviation, "0.00"),5} {N(s.InterquartileRange, "0.00"),5} " +
                             $"{(s.TargetLevel?.ToString(CultureInfo.InvariantCulture) ?? "–"),6} {N(s.Gap, "+0.0;-0.0;0.0"),5} {N(s.Change, "+0.0;-0.0;0.0"),6}{(s.Disagreement ? "  raters disagree" : "")}");
        }
    }
}
