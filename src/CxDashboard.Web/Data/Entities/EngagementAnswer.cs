namespace CxDashboard.Web.Data.Entities;

public enum EngagementSource
{
    /// <summary>From an engagement file or the API: a re-import replaces the imported answers of its team-months.</summary>
    Import = 1,

    /// <summary>Answered on the product's own pulse page.</summary>
    Pulse = 2,
}

/// <summary>One anonymous pulse answer. Nothing here identifies the employee.</summary>
public class EngagementAnswer
{
    public const int ItemCount = 10;

    public long Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>The first day of the pulse's month.</summary>
    public DateOnly Period { get; set; }
    public EngagementSource Source { get; set; } = EngagementSource.Import;

    /// <summary>0–10 "would you recommend working here"; null when skipped.</summary>
    public int? Enps { get; set; }
    public int? Q1 { get; set; }
    public int? Q2 { get; set; }
    public int? Q3 { get; set; }
    public int? Q4 { get; set; }
    public int? Q5 { get; set; }
    public int? Q6 { get; set; }
    public int? Q7 { get; set; }
    public int? Q8 { get; set; }
    public int? Q9 { get; set; }
    public int? Q10 { get; set; }

    public IEnumerable<int?> Items => [Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10];

    public void SetItem(int index, int? value)
    {
        switch (index)
        {
            case 1: Q1 = value; break;
            case 2: Q2 = value; break;
            case 3: Q3 = value; break;
            case 4: Q4 = value; break;
            case 5: Q5 = value; break;
            case 6: Q6 = value; break;
            case 7: Q7 = value; break;
            case 8: Q8 = value; break;
            case 9: Q9 = value; break;
            case 10: Q10 = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(index), index, "Items are numbered 1 to 10.");
        }
    }
}
