namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// One row whose number grows with every change of the data (imports, survey answers, jobs, edits): what is computed
/// from the data may be kept for as long as this number stays the same. In the database, so every instance sees it.
/// </summary>
public class DataVersion
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}
