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

/// <summary>What <see cref="RowProcessor.Complete"/> wrote and found: counts, and the errors of rows it rejected (by line).</summary>
public sealed record CompletedRows(long Inserted, long Updated, long Unchanged, long Rejected = 0, IReadOnlyList<ImportError>? Errors = null)
{
    public static readonly CompletedRows None = new(0, 0, 0);
}

/// <summary>
/// Validates and writes the rows of one file kind inside an <see cref="ImportSession"/>, in two steps: <see cref="Parse"/>
/// reads and checks what a row says by itself, <see cref="Write"/> checks it against stored data and writes it.
/// </summary>
public abstract class RowProcessor(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
{
    protected ImportSession Session { get; } = session;
    protected MasterData MasterData { get; } = masterData;

    /// <summary>The teams whose rows may be imported; null for all (see <see cref="ImportOptions.AllowedTeamIds"/>).</summary>
    protected IReadOnlySet<int>? AllowedTeams { get; } = allowedTeams;

    /// <summary>
    /// Reads and checks the fields of the row <paramref name="row"/> is on; errors go to it. For a CSV file this runs on
    /// other cores, ahead of <see cref="Write"/> and on several rows at once, so it may use the row and immutable
    /// settings only: no database, no master data, nothing shared between rows.
    /// </summary>
    public abstract object Parse(RowReader row);

    /// <summary>
    /// Resolves, checks against stored data and, when the row is valid, writes one parsed row; rows come in file order on
    /// the import's thread. <paramref name="row"/> holds the errors <see cref="Parse"/> found; more go to it.
    /// </summary>
    public abstract RowOutcome Write(RowErrors row, object fields);

    /// <summary>
    /// Writes and counts the deferred rows, for work that needs every row first (a team-month of engagement answers, a
    /// bulk copy's set-based merge); the errors it finds are of rows counted as deferred, which it counts as rejected.
    /// </summary>
    public virtual CompletedRows Complete(CancellationToken ct) => CompletedRows.None;

    /// <summary>What the batch had created before this file: the file's notes name only what it created.</summary>
    private readonly (int Teams, int Agents, int Reasons) _createdBefore = masterData.Created;

    public virtual IEnumerable<string> Warnings() => MasterData.Warnings(_createdBefore);

    /// <summary>For an importer limited to teams: rejects a row of another team, or of no team, naming it.</summary>
    protected bool IsTeamAllowed(RowErrors row, string column, int? teamId, string what)
    {
        if (AllowedTeams is null) return true;
        var yours = string.Join(", ", AllowedTeams.Select(MasterData.TeamName).Order());
        if (teamId is null)
        {
            row.Add(column, ImportText.Format(ImportText.RowOfNoTeam, what, yours));
            return false;
        }
        if (AllowedTeams.Contains(teamId.Value)) return true;
        row.Add(column, ImportText.Format(ImportText.RowOfOtherTeam, what, MasterData.TeamName(teamId.Value), yours));
        return false;
    }

    /// <summary>Rejects an id already seen in this file.</summary>
    protected bool IsDuplicateInFile(RowErrors row, string column, string externalId)
    {
        if (Session.RememberId(externalId, row.Line) is not { } firstLine) return false;
        row.Add(column, ImportText.Format(ImportText.DuplicateId, externalId, firstLine));
        return true;
    }
}

/// <summary>A <see cref="RowProcessor"/> whose parsed rows are <typeparamref name="TFields"/>.</summary>
public abstract class RowProcessor<TFields>(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : RowProcessor(session, masterData, allowedTeams) where TFields : class
{
    public sealed override object Parse(RowReader row) => ParseFields(row);

    public sealed override RowOutcome Write(RowErrors row, object fields) => Write(row, (TFields)fields);

    /// <inheritdoc cref="RowProcessor.Parse"/>
    protected abstract TFields ParseFields(RowReader row);

    /// <inheritdoc cref="RowProcessor.Write"/>
    protected abstract RowOutcome Write(RowErrors row, TFields fields);
}
