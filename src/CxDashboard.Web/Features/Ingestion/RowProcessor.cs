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
public abstract class RowProcessor(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
{
    protected ImportSession Session { get; } = session;
    protected MasterData MasterData { get; } = masterData;

    /// <summary>The teams whose rows may be imported; null for all (see <see cref="ImportOptions.AllowedTeamIds"/>).</summary>
    protected IReadOnlySet<int>? AllowedTeams { get; } = allowedTeams;

    /// <summary>Validates the current row and, when it is valid, writes it. Errors go to <paramref name="row"/>.</summary>
    public abstract RowOutcome Process(RowReader row);

    /// <summary>Writes and counts the deferred rows, for work that needs every row first (a team-month of engagement answers).</summary>
    public virtual (long Inserted, long Updated, long Unchanged) Complete() => (0, 0, 0);

    public virtual IEnumerable<string> Warnings() => MasterData.Warnings();

    /// <summary>For an importer limited to teams: rejects a row of another team, or of no team, naming it.</summary>
    protected bool IsTeamAllowed(RowReader row, string column, int? teamId, string what)
    {
        if (AllowedTeams is null) return true;
        var yours = string.Join(", ", AllowedTeams.Select(MasterData.TeamName).Order());
        if (teamId is null)
        {
            row.AddError(column, $"{what} has no team; you may import rows of your teams only ({yours})");
            return false;
        }
        if (AllowedTeams.Contains(teamId.Value)) return true;
        row.AddError(column, $"{what} belongs to team '{MasterData.TeamName(teamId.Value)}', which is not one of your teams ({yours})");
        return false;
    }

    /// <summary>Rejects an id already seen in this file.</summary>
    protected bool IsDuplicateInFile(RowReader row, string column, string externalId)
    {
        if (Session.RememberId(externalId, row.Line) is not { } firstLine) return false;
        row.AddError(column, $"duplicate id '{externalId}' (first on line {firstLine})");
        return true;
    }
}
