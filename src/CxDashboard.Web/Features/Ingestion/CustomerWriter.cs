namespace CxDashboard.Web.Features.Ingestion;

public sealed record CustomerDetails(string? Name, string? Phone, string? Email, bool DoNotContact);

/// <summary>
/// Finds or creates customers by their external id. Contact details in a file fill in or replace the stored ones
/// (an empty cell keeps what is stored); do-not-contact is only ever set by a file, never cleared.
/// </summary>
public sealed class CustomerWriter(ImportSession session)
{
    // Files usually repeat a customer on nearby rows; a bounded cache saves the lookup without growing with the file.
    private const int CacheLimit = 50_000;
    private readonly Dictionary<string, (long Id, CustomerDetails Stored)> _cache = new(StringComparer.Ordinal);

    public long Upsert(string externalId, CustomerDetails fromFile)
    {
        var current = _cache.TryGetValue(externalId, out var cached) ? cached : Find(externalId);
        if (current is null)
        {
            var insert = session.Command("""
                INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact")
                VALUES (@id, @name, @phone, @email, @dnc) RETURNING "Id"
                """, "@id", "@name", "@phone", "@email", "@dnc");
            insert.Parameters["@id"].Value = externalId;
            Bind(insert, fromFile);
            var id = (long)insert.ExecuteScalar()!;
            Remember(externalId, id, fromFile);
            return id;
        }

        var (customerId, stored) = current.Value;
        var merged = new CustomerDetails(
            fromFile.Name ?? stored.Name, fromFile.Phone ?? stored.Phone, fromFile.Email ?? stored.Email,
            stored.DoNotContact || fromFile.DoNotContact);
        if (merged != stored)
        {
            var update = session.Command("""
                UPDATE "Customers" SET "Name" = @name, "Phone" = @phone, "Email" = @email, "DoNotContact" = @dnc WHERE "Id" = @key
                """, "@name", "@phone", "@email", "@dnc", "@key");
            Bind(update, merged);
            update.Parameters["@key"].Value = customerId;
            update.ExecuteNonQuery();
        }
        Remember(externalId, customerId, merged);
        return customerId;
    }

    private (long Id, CustomerDetails Stored)? Find(string externalId)
    {
        var select = session.Command("""
            SELECT "Id", "Name", "Phone", "Email", "DoNotContact" FROM "Customers" WHERE "ExternalId" = @id
            """, "@id");
        select.Parameters["@id"].Value = externalId;
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetInt64(0), new CustomerDetails(
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt64(4) != 0));
    }

    private void Remember(string externalId, long id, CustomerDetails details)
    {
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[externalId] = (id, details);
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, CustomerDetails details)
    {
        command.Parameters["@name"].Value = ImportSession.Db(details.Name);
        command.Parameters["@phone"].Value = ImportSession.Db(details.Phone);
        command.Parameters["@email"].Value = ImportSession.Db(details.Email);
        command.Parameters["@dnc"].Value = details.DoNotContact ? 1 : 0;
    }
}
