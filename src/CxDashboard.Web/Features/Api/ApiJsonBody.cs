using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Reads a JSON request body within the API's limits: 415 for another content type, 413 for a body over
/// <see cref="ApiOptions.MaxRequestBytes"/>, 400 with the position of the error for malformed JSON.
/// </summary>
public static class ApiJsonBody
{
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, ApiOptions options, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as JSON with the header Content-Type: application/json."));
        if (request.ContentLength > options.MaxRequestBytes)
            return (null, TooLarge(options));

        // Buffered up to the limit: a chunked body without a length is cut off as soon as it passes it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxRequestBytes) return (null, TooLarge(options));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return (null, ApiProblems.BadRequest("The request body is empty: send a JSON array of records."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            // Line numbers in JsonException are 0-based; people count from 1.
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, ApiProblems.BadRequest($"The body is not valid JSON{where}: {FirstSentence(e.Message)}"));
        }
        if (FirstUnreadableText(document.RootElement, "$") is { } path)
        {
            document.Dispose();
            return (null, ApiProblems.BadRequest(string.Format(CultureInfo.InvariantCulture, UnreadableText, path)));
        }
        return (document, null);
    }

    private const string UnreadableText =
        "The text at {0} is not valid Unicode (invalid UTF-8 bytes or a lone surrogate such as \\ud800). Send the body as UTF-8 text.";

    /// <summary>
    /// The JSON path of the first property name or string the body cannot be read as (JSON's parser checks its
    /// structure, not its text): invalid UTF-8 or a lone surrogate would otherwise fail later, wherever it is read.
    /// </summary>
    private static string? FirstUnreadableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstUnreadableText(item, $"{path}[{index}]") is { } inItem) return inItem;
                    index++;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name)) return $"{path} (a property name)";
                    if (FirstUnreadableText(property.Value, $"{path}.{property.Name}") is { } inValue) return inValue;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ProblemHttpResult TooLarge(ApiOptions options) =>
        ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Request too large",
            $"The body is larger than {options.MaxRequestBytes:#,0} bytes (Api:MaxRequestBytes). Send the records in smaller batches.");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>Problem-details answers of the API (RFC 9457), with the status's reference as their type.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>A refused request (period out of bounds, unknown filter value) with its own status and message.</summary>
    public static ProblemHttpResult Refused(Requests.RequestRefusedException refused) =>
        Create(refused.StatusCode, Hosting.ApiProblemResponses.Title(refused.StatusCode), refused.Message);
}
