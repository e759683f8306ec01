namespace CxDashboard.Web.Features.Ingestion;

public sealed record CustomerDetails(string? Name, string? Phone, string? Email, bool DoNotContact);

/// <summary>
/// Finds or creates customers by their external id. Contact details in a file fill in or replace the stored ones
/// (an empty cell keeps what is stored); do-not-contact is only ever set by a file, never cleared.
/// </summary>
public sealed class CustomerWriter
{
    private readonly SqliteImportSession _session;

    // Into an empty customers table, a customer the filter has certainly not seen is new: it gets the next id here and
    // waits in a batch of inserts, with no lookup (a "maybe" takes the upsert below).
    private readonly IdFilter? _newCustomers;
    private long _nextId;
    private readonly BatchInsert<(long Id, string ExternalId, CustomerDetails Details)> _newRows;

    public CustomerWriter(SqliteImportSession session, long expectedCustomers)
    {
        _session = session;
        _newRows = new(session, "\"Customers\" (\"Id\", \"ExternalId\", \"Name\", \"Phone\", \"Email\", \"DoNotContact\")", 6, Bind);
        if (session.Scalar("""SELECT NOT EXISTS (SELECT 1 FROM "Customers")""") != 1) return;
        _newCustomers = new IdFilter(expectedCustomers);
        // AUTOINCREMENT never reuses an id, not even of a deleted customer: continue after the largest ever given.
        _nextId = session.Scalar("""SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'Customers'), 0)""") + 1;
    }

    // Files usually repeat a customer on nearby rows; a bounded cache saves the round trip without growing with the file.
    // It remembers the details the file last gave: the same details again cannot change the stored customer.
    // Two generations: when the newer one is full the older one is dropped, so the customers of the latest rows stay
    // cached (emptying a single cache forgot them all at once).
    private const int GenerationLimit = 50_000;
    private Dictionary<string, (long Id, CustomerDetails FromFile)> _cache = new(StringComparer.Ordinal);
    private Dictionary<string, (long Id, CustomerDetails FromFile)> _olderCache = new(StringComparer.Ordinal);

    /// <summary>The customer's id, after creating the customer or merging the file's details into the stored ones.</summary>
    public long Write(string externalId, CustomerDetails fromFile)
    {
        if ((_cache.TryGetValue(externalId, out var cached) || _olderCache.TryGetValue(externalId, out cached)) &&
            (cached.FromFile == fromFile || IsNothingNew(fromFile, cached.FromFile))) return cached.Id;

        var id = _newCustomers is not null && !_newCustomers.MaybeSeen(externalId) ? AddNew(externalId, fromFile) : Upsert(externalId, fromFile);
        if (_cache.Count >= GenerationLimit)
        {
            (_olderCache, _cache) = (_cache, _olderCache);
            _cache.Clear();
        }
        _cache[externalId] = (id, fromFile);
        return id;
    }

    private long Upsert(string externalId, CustomerDetails fromFile)
    {
        _newRows.Flush();
        // One statement whether the customer is new or known: the merge happens in SQL. (No RETURNING: SQLite collects
        // its rows in a temporary table per execution; a new row's id is the connection's last rowid.)
        var upsert = _session.Statement("""
            INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact") VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT ("ExternalId") DO UPDATE SET
                "Name" = COALESCE(excluded."Name", "Name"), "Phone" = COALESCE(excluded."Phone", "Phone"),
                "Email" = COALESCE(excluded."Email", "Email"), "DoNotContact" = "DoNotContact" OR excluded."DoNotContact"
            """);
        var rowIdBefore = upsert.LastInsertRowId;
        upsert.Bind(1, externalId).Bind(2, fromFile.Name).Bind(3, fromFile.Phone).Bind(4, fromFile.Email).Bind(5, fromFile.DoNotContact).Execute();
        var id = upsert.LastInsertRowId;
        if (id != rowIdBefore)
        {
            // A new customer the filter took for a seen one: it took the next id.
            _nextId = Math.Max(_nextId, id + 1);
            return id;
        }
        // Not inserted (updated): an UPSERT's update leaves the last rowid as it was.
        var select = _session.Statement("""SELECT "Id" FROM "Customers" WHERE "ExternalId" = ?1""");
        select.Bind(1, externalId).ReadFirst();
        id = select.Int64(0);
        select.Reset();
        return id;
    }

    private long AddNew(string externalId, CustomerDetails details)
    {
        var id = _nextId++;
        _newRows.Add((id, externalId, details));
        return id;
    }

    /// <summary>
    /// Inserts the new customers still waiting in a batch. Runs before anything reads customers: an upsert, and the end
    /// of the file (see <see cref="ContactRowProcessor.Complete"/>).
    /// </summary>
    public void InsertPending() => _newRows.Flush();

    private static FastStatement Bind(FastStatement insert, int offset, (long Id, string ExternalId, CustomerDetails Details) customer) => insert
        .Bind(offset + 1, customer.Id).Bind(offset + 2, customer.ExternalId).Bind(offset + 3, customer.Details.Name)
        .Bind(offset + 4, customer.Details.Phone).Bind(offset + 5, customer.Details.Email).Bind(offset + 6, customer.Details.DoNotContact);

    /// <summary>Details that only leave out what an earlier row gave (empty cells keep what is stored) change nothing.</summary>
    private static bool IsNothingNew(CustomerDetails fromFile, CustomerDetails earlier) =>
        (fromFile.Name is null || fromFile.Name == earlier.Name) && (fromFile.Phone is null || fromFile.Phone == earlier.Phone) &&
        (fromFile.Email is null || fromFile.Email == earlier.Email) && (!fromFile.DoNotContact || earlier.DoNotContact);
}
