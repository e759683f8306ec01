using System.Text.Json;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Api;

/// <summary>How a JSON batch becomes importer rows (no HTTP, no database).</summary>
public sealed class ApiBatchTests
{
    [Theory]
    [InlineData("contact_id", "contactId")]
    [InlineData("escalated_from_bot", "escalatedFromBot")]
    [InlineData("q10", "q10")]
    [InlineData("csat", "csat")]
    public void File_columns_become_camel_case_fields(string column, string field) => Assert.Equal(field, ApiBatch.FieldName(column));

    [Fact]
    public void Numbers_booleans_and_nulls_become_the_text_a_file_would_hold()
    {
        using var json = JsonDocument.Parse("""[ { "responseId": "R1", "CSAT": 4, "resolved": false, "nps": null, "comment": "ok", "extra": 1 } ]""");
        var batch = ApiBatch.From(ImportKind.SurveyResponses, json.RootElement);
        var reader = batch.Reader;
        Assert.True(reader.Read());
        string? Value(string column) => reader.Get(reader.Header.ToList().IndexOf(column));
        Assert.Equal(("R1", "4", "false", null, "ok"), (Value("response_id"), Value("csat"), Value("resolved"), Value("nps"), Value("comment")));
        Assert.Null(Value("received_at"));
        Assert.Equal(["extra"], batch.UnknownFields);
        Assert.Empty(batch.ShapeErrors);
    }

    [Fact]
    public void Importer_errors_are_told_by_record_index_and_field()
    {
        using var json = JsonDocument.Parse("""[ {}, {} ]""");
        var batch = ApiBatch.From(ImportKind.Contacts, json.RootElement);
        var error = batch.Translate(new ImportError(1, "contact_id", "duplicate id 'K1' (first on line 0)"));
        Assert.Equal(new ApiRecordError(1, "contactId", "duplicate id 'K1' (first at index 0)"), error);
    }
}
