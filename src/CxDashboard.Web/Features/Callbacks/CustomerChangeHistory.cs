using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>One recorded change of a customer's contact details or do-not-contact flag, as the case page shows it.</summary>
public sealed record CustomerChangeView(DateTime ChangedAtUtc, string Field, string? OldValue, string? NewValue, string ChangedBy, string Source)
{
    /// <summary>The field's code as the import and the database name it ("customer_phone"); the page puts it in words.</summary>
    public const string NameField = "customer_name", PhoneField = "customer_phone", EmailField = "customer_email", DoNotContactField = "do_not_contact";
}

/// <summary>
/// Who changed a case's customer's name, phone, e-mail or do-not-contact, when and through what (import run, API key,
/// command line), newest first: the staff who call the customer see where the number they dial came from.
/// </summary>
public sealed class CustomerChangeHistory(CxDbContext db)
{
    public const int MaxShown = 50;

    /// <summary>The changes of the customer of a case the actor may see; empty otherwise.</summary>
    public async Task<IReadOnlyList<CustomerChangeView>> ForCaseAsync(long caseId, CallbackActor actor, CancellationToken ct = default)
    {
        var teams = actor.TeamIds?.ToList();
        var customerId = await db.CallbackCases.AsNoTracking()
            .Where(c => c.Id == caseId && (teams == null || (c.TeamId != null && teams.Contains(c.TeamId.Value))))
            .Select(c => (long?)c.CustomerId).FirstOrDefaultAsync(ct);
        if (customerId is null) return [];
        return await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).Take(MaxShown)
            .Select(c => new CustomerChangeView(c.ChangedAtUtc, c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.Source))
            .ToListAsync(ct);
    }
}
