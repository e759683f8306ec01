using System.Globalization;
using System.Text;

namespace CxDashboard.Bench;

/// <summary>
/// Writes a contacts file and its agents file in the import format, fast and deterministic, shaped like a contact
/// centre's export: rows in time order over a year, 250 agents in 25 teams, a fifth self-service, about a third of
/// contacts from a customer seen in the last days (repeats, often about the same reason), contact details on every
/// row, and timestamps with the Stockholm offset of their instant (so the file crosses both DST changes).
/// </summary>
public static class SyntheticContactsFile
{
    private static readonly string[] Channels = ["phone", "chat", "email", "messaging", "social"];
    private static readonly string[] Reasons =
    [
        "FAKTURA", "BETALNING", "FLYTT", "AVTAL", "UPPSAGNING", "FEL", "LEVERANS", "RETUR", "INLOGG", "ADRESS",
        "PRIS", "KAMPANJ", "REKLAMATION", "ORDER", "SALDO", "AUTOGIRO", "EFAKTURA", "MATARE", "AVBROTT", "STORNING",
        "ANSLUTNING", "BYTE", "KLAGOMAL", "FORSENAD", "KONTO", "LOSENORD", "APP", "SKADA", "ANNAT", "TACK",
    ];
    private static readonly string[] FirstNames = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Nils", "Elin", "Peter"];
    private static readonly string[] LastNames = ["Andersson", "Berg", "Carlsson", "Dahl", "Ek", "Holm", "Lind", "Nilsson", "Sjöberg", "Öberg"];

    public const int Teams = 25;
    public const int Agents = 250;

    public static void WriteAgents(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("agent_id,name,team,email");
        for (var a = 1; a <= Agents; a++)
            writer.WriteLine($"AG{a:000},{FirstNames[a % FirstNames.Length]} {LastNames[a % LastNames.Length]} {a},Team {(a - 1) % Teams + 1:00},");
    }

    public static void WriteContacts(string path, long rows, int seed = 20260101)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var step = TimeSpan.FromDays(365).Ticks / rows;
        var recent = new (long Customer, int Reason)[50_000];
        long recentCount = 0, nextCustomer = 1;

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds,escalated_from_bot,customer_name,customer_phone,customer_email,do_not_contact\n");
        var line = new StringBuilder(200);
        for (long i = 0; i < rows; i++)
        {
            long customer;
            int reason;
            if (recentCount > 100 && random.NextDouble() < 0.33)
            {
                var earlier = recent[random.NextInt64(Math.Min(recentCount, recent.Length))];
                customer = earlier.Customer;
                reason = random.NextDouble() < 0.7 ? earlier.Reason : random.Next(Reasons.Length);
            }
            else
            {
                customer = nextCustomer++;
                reason = random.Next(Reasons.Length);
            }
            recent[recentCount++ % recent.Length] = (customer, reason);

            var utc = new DateTime(start + i * step + random.NextInt64(step), DateTimeKind.Utc);
            var local = new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), zone.GetUtcOffset(utc));
            var selfService = random.NextDouble() < 0.2;
            var agent = random.Next(1, Agents + 1);

            line.Clear();
            line.Append("CON-").Append(i + 1).Append(",CUST-").Append(customer).Append(',');
            if (!selfService) line.Append("AG").Append(agent.ToString("000", CultureInfo.InvariantCulture));
            line.Append(",,").Append(selfService ? "selfservice" : Channels[random.Next(Channels.Length)]).Append(',');
            line.Append(Reasons[reason]).Append(',').Append(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append(',');
            if (!selfService) line.Append(60 + random.Next(900));
            line.Append(',').Append(selfService ? "false" : random.NextDouble() < 0.05 ? "true" : "false").Append(',');
            line.Append(FirstNames[customer % FirstNames.Length]).Append(' ').Append(LastNames[customer / 7 % LastNames.Length]).Append(',');
            line.Append("+46 70 ").Append((customer % 10_000_000).ToString("000 00 00", CultureInfo.InvariantCulture)).Append(',');
            if (customer % 3 == 0) line.Append("kund").Append(customer).Append("@example.com");
            line.Append(',').Append(customer % 97 == 0 ? "true" : "false").Append('\n');
            writer.Write(line);
        }
    }
}
