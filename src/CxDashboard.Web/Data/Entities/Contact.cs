namespace CxDashboard.Web.Data.Entities;

public class Contact
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int? AgentId { get; set; }
    public Agent? Agent { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public Channel Channel { get; set; }
    public int ReasonId { get; set; }
    public ContactReason? Reason { get; set; }

    /// <summary>When the contact began, as a UTC instant.</summary>
    public DateTime StartedAtUtc { get; set; }

    /// <summary>The calendar date of <see cref="StartedAtUtc"/> in the organisation's time zone: the period a contact belongs to.</summary>
    public DateOnly LocalDate { get; set; }

    public int? HandleSeconds { get; set; }
    public bool EscalatedFromBot { get; set; }

    // Derived from the customer's other contacts (kept current by ContactTimeline after every write), so any
    // window W can be applied in a plain aggregate: repeat = PrevGap <= W; resolved = NextGap is null or > W (the
    // same-reason gaps for the "same reason only" option).

    /// <summary>Time since this customer's latest earlier contact (strictly earlier), in ticks; null when none.</summary>
    public long? PrevGapTicks { get; set; }

    /// <summary>As <see cref="PrevGapTicks"/>, counting only earlier contacts with the same reason.</summary>
    public long? PrevSameReasonGapTicks { get; set; }

    /// <summary>Time until this customer's next contact (strictly later), in ticks; null when none.</summary>
    public long? NextGapTicks { get; set; }

    /// <summary>As <see cref="NextGapTicks"/>, counting only later contacts with the same reason.</summary>
    public long? NextSameReasonGapTicks { get; set; }
}
