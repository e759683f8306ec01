using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Maturity.Rounds;

namespace CxDashboard.Web.Features.Maturity.Export;

public sealed record MaturityExportFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>Gathers a round's results, comments, actions and (for administrators) individual ratings into a workbook.</summary>
public sealed class MaturityExportService(MaturityResultsService results, MaturityRoundService rounds, ImprovementActionService actions, TimeProvider clock)
{
    public async Task<MaturityExportFile?> ExportAsync(int roundId, bool includeIndividualRatings, string language, CancellationToken ct = default)
    {
        var result = await results.GetAsync(roundId, ct);
        if (result is null) return null;
        var content = new MaturityExportContent(
            result,
            await rounds.CommentsAsync(roundId, withNames: includeIndividualRatings, ct),
            includeIndividualRatings ? await rounds.IndividualRatingsAsync(roundId, ct) : null,
            await actions.ForRoundSummaryAsync(roundId, ct),
            language,
            clock.GetUtcNow().UtcDateTime);
        using var stream = new MemoryStream();
        MaturityRoundExport.Write(content, stream);
        return new MaturityExportFile(MaturityRoundExport.FileName(result.Round), stream.ToArray());
    }
}
