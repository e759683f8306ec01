namespace CxDashboard.Web.Features.Ingestion;

public sealed record CustomerDetails(string? Name, string? Phone, string? Email, bool DoNotContact);

/// <summary>
/// Finds or creates customers by their external id. Contact details in a file fill in or replace the stored ones
/// (an empty cell keeps what is stored); do-not-contact is only ever set by a file, never cleared.
/// </summary>
public sealed class CustomerWriter(ImportSession session)
{
    // Files usually repeat a customer on nearby rows; a bounded cache saves the round trip without growing with the file.
    // It remembers the details the file last gave: the same details again cannot change the stored customer.
    // Two generations: when the newer one is full the older one is dropped, so the customers of the latest rows stay
    // cached (emptying a single cache forgot them all at once).
    private const int GenerationLimit = 50_000;
    private Dictionary<string, (long Id, CustomerDetails FromFile)> _cache = new(StringComparer.Ordinal);
    private Dictionary<string, (long Id, CustomerDetails FromFile)> _olderCache = new(StringComparer.Ordinal);

    public long Upsert(string externalId, CustomerDetails fromFile)
    {
        if ((_cache.TryGetValue(externalId, out var cached) || _olderCache.TryGetValue(externalId, out cached)) &&
            (cached.FromFile == fromFile || IsNothingNew(fromFile, cached.FromFile))) return cached.Id;

        // One statement whether the customer is new or known: the merge happens in SQL. (No RETURNING: SQLite collects
        // its rows in a temporary table per execution; a new row's id is the connection's last rowid.)
        var upsert = session.Statement("""
            INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact") VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT ("ExternalId") DO UPDATE SET
                "Name" = COALESCE(excluded."Name", "Name"), "Phone" = COALESCE(excluded."Phone", "Phone"),
                "Email" = COALESCE(excluded."Email", "Email"), "DoNotContact" = "DoNotContact" OR excluded."DoNotContact"
            """);
        var rowIdBefore = upsert.LastInsertRowId;
        upsert.Bind(1, externalId).Bind(2, fromFile.Name).Bind(3, fromFile.Phone).Bind(4, fromFile.Email).Bind(5, fromFile.DoNotContact).Execute();
        var id = upsert.LastInsertRowId;
        if (id == rowIdBefore)
        {
            // Not inserted (updated): an UPSERT's update leaves the last rowid as it was.
            var select = session.Statement("""SELECT "Id" FROM "Customers" WHERE "ExternalId" = ?1""");
            select.Bind(1, externalId).ReadFirst();
            id = select.Int64(0);
            select.Reset();
        }
        if (_cache.Count >= GenerationLimit)
        {
            (_olderCache, _cache) = (_cache, _olderCache);
            _cache.Clear();
        }
        _cache[externalId] = (id, fromFile);
        return id;
    }

    /// <summary>Details that only leave out what an earlier row gave (empty cells keep what is stored) change nothing.</summary>
    private static bool IsNothingNew(CustomerDetails fromFile, CustomerDetails earlier) =>
        (fromFile.Name is null || fromFile.Name == earlier.Name) && (fromFile.Phone is null || fromFile.Phone == earlier.Phone) &&
        (fromFile.Email is null || fromFile.Email == earlier.Email) && (!fromFile.DoNotContact || earlier.DoNotContact);
}
