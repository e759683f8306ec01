using System.Globalization;

namespace CxDashboard.DemoData;

internal readonly record struct CustomerDetails(
    string Id, string Name, string Phone, string Email, bool DoNotContact, bool WritesInEnglish);

/// <summary>
/// The customer base. A customer's details are a pure function of the seed and the customer number,
/// so the same customer looks the same on every contact without keeping a table of customers in memory.
/// </summary>
internal sealed class CustomerDirectory(CustomerSettings settings, int seed, int poolSize)
{
    private readonly ulong directorySeed = DeterministicRandom.Mix((ulong)(uint)seed, DeterministicRandom.StableHash("customers"));

    public int PoolSize { get; } = poolSize;

    public int PickCustomer(DeterministicRandom random) => random.NextInt(PoolSize);

    public CustomerDetails Describe(int customerNumber)
    {
        var random = new DeterministicRandom(DeterministicRandom.Mix(directorySeed, (ulong)customerNumber));
        var firstName = random.Pick(settings.FirstNames);
        var lastName = random.Pick(settings.LastNames);
        var phone = random.Chance(settings.MissingPhoneShare) ? "" : MobileNumber(random);
        var email = random.Chance(settings.MissingEmailShare) ? "" : EmailAddress(firstName, lastName, random);
        return new CustomerDetails(
            Id: string.Create(CultureInfo.InvariantCulture, $"CUST-{customerNumber + 1:D7}"),
            Name: $"{firstName} {lastName}",
            Phone: phone,
            Email: email,
            DoNotContact: random.Chance(settings.DoNotContactShare),
            WritesInEnglish: random.Chance(settings.EnglishSpeakingShare));
    }

    /// <summary>Swedish mobile number in the usual grouping, e.g. "+46 70 123 45 67".</summary>
    private string MobileNumber(DeterministicRandom random) => string.Create(CultureInfo.InvariantCulture,
        $"+46 {random.Pick(settings.MobilePrefixes)} {random.NextInt(1000):D3} {random.NextInt(100):D2} {random.NextInt(100):D2}");

    private string EmailAddress(string firstName, string lastName, DeterministicRandom random)
    {
        var local = $"{Roster.Slug(firstName)}.{Roster.Slug(lastName)}";

        // Many people's plain name is taken, so about half the addresses carry a birth year or a number.
        var suffix = random.NextInt(4) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{random.NextInt(1950, 2005)}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{random.NextInt(1, 99)}"),
            _ => "",
        };
        return $"{local}{suffix}@{random.Pick(settings.EmailDomains)}";
    }
}
