namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// One change of a customer's contact details (name, phone, e-mail) or do-not-contact flag: who made it, when, and
/// through what (an import run, an API key, the command line). Written in the same transaction as the change.
/// </summary>
public class CustomerChange
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>The column as in import files: customer_name, customer_phone, customer_email or do_not_contact.</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>The person (or system) the change came from, as shown to users.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>How it came in, e.g. "import run 12", "API key 'crm-sync' (#3)", "command line import of contacts.csv".</summary>
    public required string Source { get; set; }
    public long? ImportRunId { get; set; }
}
