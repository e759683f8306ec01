namespace CxDashboard.Web.Features.Ingestion;

public enum RowOutcome
{
    Inserted,
    Updated,
    Unchanged,
    Rejected,

    /// <summary>Valid, written and counted by <see cref="RowProcessor.Complete"/> once every row has been read.</summary>
    Deferred,
}

/// <summary>Validates and writes the rows of one file kind inside an <see cref="ImportSession"/>.</summary>
public abstract class RowProcessor(ImportSession session, MasterData masterData)
{
    protected ImportSession Session { get; } = session;
    protected MasterData MasterData { get; } = masterData;

    /// <summary>Validates the current row and, when it is valid, writes it. Errors go to <paramref name="row"/>.</summary>
    public abstract RowOutcome Process(RowReader row);

    /// <summary>Writes and counts the deferred rows, for work that needs every row first (a team-month of engagement answers).</summary>
    public virtual (long Inserted, long Updated, long Unchanged) Complete() => (0, 0, 0);

    public virtual IEnumerable<string> Warnings() => MasterData.Warnings();

    /// <summary>Rejects an id already seen in this file.</summary>
    protected bool IsDuplicateInFile(RowReader row, string column, string externalId)
    {
        if (Session.RememberId(externalId, row.Line) is not { } firstLine) return false;
        row.AddError(column, $"duplicate id '{externalId}' (first on line {firstLine})");
        return true;
    }
}
