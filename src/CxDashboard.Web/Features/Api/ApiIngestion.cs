using System.Text.Json;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CxDashboard.Web.Features.Api;

/// <summary>The counts of an accepted API batch (the same counts as a file import).</summary>
public sealed record ApiImportResponse(
    string Kind,
    string Outcome,
    long Records,
    long Inserted,
    long Updated,
    long Unchanged,
    long Rejected,
    IReadOnlyList<ApiRecordError> Errors,
    IReadOnlyList<string> Warnings);

/// <summary>
/// POST /api/v1/contacts, /survey-responses, /agents and /engagement: a JSON array of records, validated and written
/// by the same importer as files (so re-posting a batch changes nothing, and import listeners hear of it).
/// </summary>
public static class ApiIngestion
{
    public static void MapIngestion(this RouteGroupBuilder write)
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            write.MapPost($"/{kind.Code()}", (HttpRequest request, bool? dryRun, bool? validRowsOnly, ImportService importer,
                    IOptionsSnapshot<ApiOptions> options, CancellationToken ct) => ImportAsync(kind, request, dryRun ?? false, validRowsOnly ?? false, importer, options.Value, ct))
                .WithName($"Post{string.Concat(kind.Code().Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]))}")
                .WithSummary($"Import {kind.DisplayName()}")
                .WithDescription($"""
                    A JSON array of {kind.DisplayName()} records with the fields of the {kind.Code()} file format in camelCase.
                    Validated like a file: with any bad record the answer is 422 listing each one by index and field, and nothing
                    is written (unless validRowsOnly=true). Records are keyed by their id, so re-posting a batch changes nothing.
                    dryRun=true validates and counts without writing. Needs a write-scope key.
                    """)
                .Produces<ApiImportResponse>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .AddOpenApiOperationTransformer((operation, _, _) =>
                {
                    operation.RequestBody = ApiRecordSchemas.RequestBody(kind);
                    return Task.CompletedTask;
                });
        }
    }

    private static async Task<Results<Ok<ApiImportResponse>, ProblemHttpResult>> ImportAsync(
        ImportKind kind, HttpRequest request, bool dryRun, bool validRowsOnly, ImportService importer, ApiOptions options, CancellationToken ct)
    {
        var (document, problem) = await ApiJsonBody.ReadAsync(request, options, ct);
        if (problem is not null) return problem;
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                return ApiProblems.BadRequest($"The body must be a JSON array of {kind.DisplayName()} records, e.g. [{{ \"{ApiBatch.FieldName(ImportSchemas.For(kind)[0].Name)}\": … }}].");
            var count = root.GetArrayLength();
            if (count == 0) return ApiProblems.BadRequest("The array is empty: send at least one record.");
            if (count > options.MaxRecordsPerRequest)
                return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Too many records",
                    $"The batch has {count:#,0} records; at most {options.MaxRecordsPerRequest:#,0} per request (Api:MaxRecordsPerRequest). Split it into smaller batches.");

            var batch = ApiBatch.From(kind, root);
            using var reader = batch.Reader;
            // A batch with malformed records is only validated: the records it can read are checked, nothing is written.
            var key = request.HttpContext.User;
            var result = await importer.ImportAsync(kind, reader, new ImportOptions
            {
                DryRun = dryRun || batch.ShapeErrors.Count > 0,
                ValidRowsOnly = validRowsOnly,
                ChangeSource = ChangeSource.ApiKey(key.Identity?.Name ?? "unnamed key", key.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value),
            }, ct);

            if (result.FileError is not null)
                return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "The batch was not accepted", $"{result.FileError} Nothing was written.");

            var errors = batch.AllErrors(result);
            var badRecords = errors.Select(e => e.Index).Distinct().Count();
            if (errors.Count > 0 && !result.WroteData)
            {
                var hint = batch.ShapeErrors.Count > 0 ? "" : " Fix them, or send validRowsOnly=true to write the valid records.";
                return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "Some records are invalid",
                    $"{badRecords} of {batch.Count} records have errors; nothing was written.{hint}",
                    new Dictionary<string, object?>
                    {
                        ["errorCount"] = result.ErrorCount + batch.ShapeErrors.Count,
                        ["errors"] = errors,
                        ["warnings"] = batch.Warnings(result),
                    });
            }
            return TypedResults.Ok(new ApiImportResponse(
                kind.Code(),
                result.Outcome switch
                {
                    ImportOutcome.Previewed => "validated",
                    ImportOutcome.ImportedValidRows => "importedValidRows",
                    _ => "imported",
                },
                result.Rows, result.Inserted, result.Updated, result.Unchanged, result.Rejected, errors, batch.Warnings(result)));
        }
    }
}

/// <summary>The request body of each import endpoint in the OpenAPI description, built from the file formats' columns.</summary>
public static class ApiRecordSchemas
{
    private static readonly HashSet<string> Integers = ["csat", "nps", "enps", "handle_seconds", .. Enumerable.Range(1, 10).Select(i => $"q{i}")];
    private static readonly HashSet<string> Booleans = ["escalated_from_bot", "do_not_contact", "resolved"];
    private static readonly HashSet<string> Timestamps = ["started_at", "received_at"];

    public static OpenApiRequestBody RequestBody(ImportKind kind)
    {
        var schema = ImportSchemas.For(kind);
        var record = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = schema.ToDictionary(c => ApiBatch.FieldName(c.Name), c => (IOpenApiSchema)Field(c.Name)),
            Required = schema.Where(c => c.Required).Select(c => ApiBatch.FieldName(c.Name)).ToHashSet(),
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = $"An array of {kind.DisplayName()} records (the {kind.Code()} columns of the import formats, in camelCase).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = record } },
            },
        };
    }

    private static OpenApiSchema Field(string column) =>
        Integers.Contains(column) ? new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.String | JsonSchemaType.Null }
        : Booleans.Contains(column) ? new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.String | JsonSchemaType.Null, Description = "true/false (also yes/no, ja/nej, 1/0)" }
        : Timestamps.Contains(column) ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "ISO 8601; without an offset, in the organisation's time zone" }
        : new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
}
