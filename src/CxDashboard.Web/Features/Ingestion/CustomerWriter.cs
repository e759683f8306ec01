using System.Globalization;

namespace CxDashboard.Web.Features.Ingestion;

public sealed record CustomerDetails(string? Name, string? Phone, string? Email, bool DoNotContact);

/// <summary>
/// Finds or creates customers by their external id. Contact details in a file fill in or replace the stored ones
/// (an empty cell keeps what is stored); do-not-contact is only ever set by a file, never cleared. Every change of a
/// stored customer's details is recorded (<see cref="Data.Entities.CustomerChange"/>) in the import's transaction. An
/// importer limited to teams may create customers, but not change one who has contacts outside their teams (or of no
/// team): such a row is refused, naming the customer.
/// </summary>
public sealed class CustomerWriter
{
    private readonly SqliteImportSession _session;
    private readonly IReadOnlySet<int>? _allowedTeams;

    // Into an empty customers table, a customer the filter has certainly not seen is new: it gets the next id here and
    // waits in a batch of inserts, with no lookup (a "maybe" takes the insert-or-merge below).
    private readonly IdFilter? _newCustomers;
    private long _nextId;
    private readonly BatchInsert<(long Id, string ExternalId, CustomerDetails Details)> _newRows;

    public CustomerWriter(SqliteImportSession session, long expectedCustomers, IReadOnlySet<int>? allowedTeams = null)
    {
        _session = session;
        _allowedTeams = allowedTeams;
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

    /// <summary>
    /// The customer's id, after creating the customer or merging the file's details into the stored ones; null when the
    /// row may not change this customer (the reason is added to <paramref name="row"/>, nothing is written).
    /// </summary>
    public long? Write(string externalId, CustomerDetails fromFile, RowErrors row)
    {
        if ((_cache.TryGetValue(externalId, out var cached) || _olderCache.TryGetValue(externalId, out cached)) &&
            (cached.FromFile == fromFile || IsNothingNew(fromFile, cached.FromFile))) return cached.Id;

        var id = _newCustomers is not null && !_newCustomers.MaybeSeen(externalId) ? AddNew(externalId, fromFile) : InsertOrMerge(externalId, fromFile, row);
        if (id is null) return null;
        if (_cache.Count >= GenerationLimit)
        {
            (_olderCache, _cache) = (_cache, _olderCache);
            _cache.Clear();
        }
        _cache[externalId] = (id.Value, fromFile);
        return id;
    }

    private long? InsertOrMerge(string externalId, CustomerDetails fromFile, RowErrors row)
    {
        _newRows.Flush();
        // A new customer takes one statement; a known one is read, merged and written only when something changes.
        var insert = _session.Statement("""
            INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact") VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT ("ExternalId") DO NOTHING
            """);
        if (insert.Bind(1, externalId).Bind(2, fromFile.Name).Bind(3, fromFile.Phone).Bind(4, fromFile.Email).Bind(5, fromFile.DoNotContact).Execute() == 1)
        {
            var newId = insert.LastInsertRowId;
            _nextId = Math.Max(_nextId, newId + 1);
            return newId;
        }

        var select = _session.Statement("""SELECT "Id", "Name", "Phone", "Email", "DoNotContact" FROM "Customers" WHERE "ExternalId" = ?1""");
        select.Bind(1, externalId).ReadFirst();
        var id = select.Int64(0);
        var stored = new CustomerDetails(select.Text(1), select.Text(2), select.Text(3), select.Int64(4) != 0);
        select.Reset();

        var merged = new CustomerDetails(fromFile.Name ?? stored.Name, fromFile.Phone ?? stored.Phone, fromFile.Email ?? stored.Email,
            stored.DoNotContact || fromFile.DoNotContact);
        if (merged == stored) return id;
        if (_allowedTeams is not null && HasContactsOutside(id))
        {
            row.Add("customer_id", ImportText.Format(ImportText.OtherTeamsCustomer, externalId));
            return null;
        }

        var update = _session.Statement("""UPDATE "Customers" SET "Name" = ?2, "Phone" = ?3, "Email" = ?4, "DoNotContact" = ?5 WHERE "Id" = ?1""");
        update.Bind(1, id).Bind(2, merged.Name).Bind(3, merged.Phone).Bind(4, merged.Email).Bind(5, merged.DoNotContact).Execute();
        Record(id, "customer_name", stored.Name, merged.Name);
        Record(id, "customer_phone", stored.Phone, merged.Phone);
        Record(id, "customer_email", stored.Email, merged.Email);
        Record(id, "do_not_contact", stored.DoNotContact ? "true" : "false", merged.DoNotContact ? "true" : "false");
        return id;
    }

    /// <summary>Whether the customer has a contact of a team the importer is not limited to, or of no team.</summary>
    private bool HasContactsOutside(long customerId)
    {
        // The team ids are the importer's own (integers), so they are written into the statement, prepared once per import.
        var teams = string.Join(", ", _allowedTeams!.Order().Select(t => t.ToString(CultureInfo.InvariantCulture)));
        var select = _session.Statement($"""
            SELECT EXISTS (SELECT 1 FROM "Contacts" WHERE "CustomerId" = ?1 AND ("TeamId" IS NULL OR "TeamId" NOT IN ({teams})))
            """);
        select.Bind(1, customerId).ReadFirst();
        var outside = select.Int64(0) != 0;
        select.Reset();
        return outside;
    }

    private void Record(long customerId, string field, string? before, string? after)
    {
        if (before == after) return;
        var source = _session.ChangeSource;
        _session.Statement("""
            INSERT INTO "CustomerChanges" ("CustomerId", "ChangedAtUtc", "Field", "OldValue", "NewValue", "ChangedBy", "Source", "ImportRunId")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
            .Bind(1, customerId).Bind(2, _session.StartedAtUtc.Ticks).Bind(3, field).Bind(4, before).Bind(5, after)
            .Bind(6, source.ChangedBy).Bind(7, source.Source).Bind(8, source.ImportRunId).Execute();
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
