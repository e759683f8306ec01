using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Maturity.Demo;

/// <summary>
/// Gives the demo organisation a maturity history: two closed self-assessments half a year apart (spring and autumn,
/// five managers rating), with deterministic ratings that tell a story — a callback role introduced after the first
/// round lifts "Organisation and roles" most, insight and delivery improve, change management slips, raters split on
/// technology, and few know how customer service shapes new offers — plus improvement actions in every status.
/// </summary>
public sealed class MaturityDemoSeeder(
    CxDbContext db,
    MaturityModelService models,
    UserAdminService userAdmin,
    OrganisationSettingsService organisation,
    TimeProvider clock)
{
    /// <summary>Raters besides the admin, manager and team-lead demo logins (same demo password).</summary>
    public static readonly IReadOnlyList<(string Email, string Name)> ExtraRaters =
    [
        ("helena.strand@demo.local", "Helena Strand (demo)"),
        ("jonas.ek@demo.local", "Jonas Ek (demo)"),
    ];

    private static readonly string[] RaterEmails =
        ["admin@demo.local", "manager@demo.local", "teamlead@demo.local", ExtraRaters[0].Email, ExtraRaters[1].Email];

    /// <summary>Each rater's leaning, so raters differ as real ones do.</summary>
    private static readonly double[] RaterBias = [0.4, 0.0, -0.3, 0.2, -0.4];

    /// <summary>Statements within a capability differ too (by position).</summary>
    private static readonly double[] StatementOffset = [0.2, -0.3, 0.1, -0.1];

    /// <summary>The level each capability sits at in the spring and the autumn round, and the autumn targets (spring aims at 3, callbacks at 4).</summary>
    private static readonly Dictionary<string, (double Spring, double Autumn, int AutumnTarget)> Story = new()
    {
        ["strategy"] = (2.4, 2.9, 4),
        ["insight"] = (2.2, 2.9, 3),
        ["leadership"] = (2.6, 2.8, 4),
        ["organisation"] = (1.8, 3.6, 4),
        ["journey"] = (2.3, 2.5, 3),
        ["change"] = (2.2, 2.0, 3),
        ["delivery"] = (1.9, 2.6, 3),
        ["offering"] = (1.5, 1.7, 3),
        ["technology"] = (2.6, 3.0, 3),
    };

    public async Task SeedAsync(string password, CancellationToken ct = default)
    {
        if (await db.MaturityRounds.AnyAsync(ct)) return;
        var model = await models.GetCurrentAsync(ct);
        var time = await organisation.GetTimeAsync(ct);
        var today = time.Today(clock);
        var raters = await RatersAsync(password, ct);

        var autumnDate = today.AddDays(-40);
        var springDate = autumnDate.AddMonths(-6);
        var spring = Round(SeasonName(springDate), springDate, model, time, raters, autumn: false);
        var autumn = Round(SeasonName(autumnDate), autumnDate, model, time, raters, autumn: true);
        db.MaturityRounds.AddRange(spring, autumn);
        await db.SaveChangesAsync(ct);

        AddRatings(spring, model.Definition, raters, autumn: false);
        AddRatings(autumn, model.Definition, raters, autumn: true);
        AddComments(spring, autumn, raters);
        AddActions(spring, autumn, raters, today, time);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<string>> RatersAsync(string password, CancellationToken ct)
    {
        foreach (var (email, name) in ExtraRaters)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct)) continue;
            var created = await userAdmin.CreateAsync(email, password, name, [Roles.Manager], []);
            if (!created.Succeeded) throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", created.Errors)}");
        }
        var normalized = RaterEmails.Select(e => e.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        return normalized.Select(e => users.FirstOrDefault(u => u.NormalizedEmail == e)?.Id
                                      ?? throw new InvalidOperationException($"The demo rater {e} does not exist.")).ToList();
    }

    private static MaturityRound Round(string name, DateOnly date, MaturityModelSnapshot model, OrganisationTime time, List<string> raters, bool autumn)
    {
        var opened = time.StartOfDayUtc(date).AddHours(9);
        return new MaturityRound
        {
            Name = name,
            AssessedOn = date,
            ModelVersionId = model.VersionId,
            Status = MaturityRoundStatus.Closed,
            OpenedAtUtc = opened,
            OpenedByUserId = raters[1],
            ClosedAtUtc = opened.AddDays(14),
            ClosedByUserId = raters[1],
            Targets = model.Definition.Capabilities.Select(c => new MaturityRoundTarget
            {
                CapabilityKey = c.Key,
                Level = autumn ? Story.GetValueOrDefault(c.Key, (3, 3, 3)).AutumnTarget : c.Key == "organisation" ? 4 : 3,
            }).ToList(),
            Raters = raters.Select((id, i) => new MaturityRater
            {
                UserId = id,
                LastSavedAtUtc = opened.AddDays(2 + i),
                SubmittedAtUtc = opened.AddDays(2 + i),
            }).ToList(),
        };
    }

    private void AddRatings(MaturityRound round, MaturityModelDefinition model, List<string> raters, bool autumn)
    {
        for (var r = 0; r < raters.Count; r++)
        {
            foreach (var capability in model.Capabilities)
            {
                var (springLevel, autumnLevel, _) = Story.GetValueOrDefault(capability.Key, (2.5, 2.5, 3));
                var level = autumn ? autumnLevel : springLevel;
                // In the autumn the raters split on technology: two see the new bot hand-over, two see customers still repeating themselves.
                var split = autumn && capability.Key == "technology" ? r switch { 0 or 3 => 1.0, 2 or 4 => -1.0, _ => 0 } : 0;
                for (var s = 0; s < capability.Statements.Count; s++)
                {
                    var statement = capability.Statements[s];
                    int? score = (int)Math.Clamp(Math.Round(level + RaterBias[r] + StatementOffset[s % StatementOffset.Length] + split, MidpointRounding.AwayFromZero), 1, 5);
                    if (DoesNotKnow(capability.Key, s, r, autumn)) score = null;
                    db.MaturityRatings.Add(new MaturityRating { RoundId = round.Id, RaterUserId = raters[r], StatementKey = statement.Key, Score = score });
                }
            }
        }
    }

    /// <summary>Few raters know how customer service takes part in new offers; one did not know about change staffing in the spring.</summary>
    private static bool DoesNotKnow(string capability, int statement, int rater, bool autumn) =>
        (capability == "offering" && statement < 2 && (rater == 2 || rater == 4 || (!autumn && rater == 1)))
        || (!autumn && capability == "change" && statement == 1 && rater == 3);

    private void AddComments(MaturityRound spring, MaturityRound autumn, List<string> raters)
    {
        (MaturityRound Round, int Rater, string Capability, string Text)[] comments =
        [
            (spring, 1, "organisation", "Ingen äger de missnöjda kunderna: klagomålsbrevlådan läses när köerna tillåter det."),
            (spring, 3, "delivery", "Vi har tre olika förbättringslistor och ingen av dem är prioriterad."),
            (spring, 0, "insight", "Kontaktorsaken väljs ur en lista med 60 koder, och hälften av ärendena hamnar på \"Övrigt\"."),
            (autumn, 1, "organisation", "Sedan vi fick återringningsrollen ringer vi upp de flesta missnöjda kunder inom ett dygn."),
            (autumn, 0, "technology", "Boten lämnar nu över hela chatten, så vi ser direkt vad kunden redan har provat."),
            (autumn, 2, "technology", "Kunderna säger fortfarande att de fick börja om från början efter boten."),
            (autumn, 4, "offering", "Jag vet inte om någon frågar oss innan nya erbjudanden lanseras."),
            (autumn, 3, "change", "Den senaste prishöjningen fick vi veta samma dag som kunderna."),
        ];
        foreach (var (round, rater, capability, text) in comments)
            db.MaturityComments.Add(new MaturityComment { RoundId = round.Id, RaterUserId = raters[rater], CapabilityKey = capability, Text = text });
    }

    private void AddActions(MaturityRound spring, MaturityRound autumn, List<string> raters, DateOnly today, OrganisationTime time)
    {
        var created = time.StartOfDayUtc(spring.AssessedOn).AddDays(15);
        ImprovementAction Action(string capability, string title, int owner, DateOnly due, ImprovementActionStatus status, MaturityRound round, DateOnly? completed = null, string? notes = null) => new()
        {
            CapabilityKey = capability,
            Title = title,
            Notes = notes,
            OwnerUserId = raters[owner],
            DueDate = due,
            Status = status,
            RoundId = round.Id,
            CompletedOn = completed,
            CreatedAtUtc = created,
            UpdatedAtUtc = created,
        };
        var springDue = spring.AssessedOn;
        var autumnDue = autumn.AssessedOn;
        db.ImprovementActions.AddRange(
            Action("organisation", "Inför en återringningsroll: två medarbetare per dagpass ringer upp missnöjda kunder", 1, springDue.AddDays(45),
                ImprovementActionStatus.Done, spring, springDue.AddDays(40), "Startade i Team Luleå, alla team var med en månad senare."),
            Action("insight", "Se över de nya kontaktorsakskoderna och läs kundkommentarerna varje måndag", 2, springDue.AddDays(30),
                ImprovementActionStatus.Done, spring, springDue.AddDays(28)),
            Action("delivery", "Slå ihop förbättringslistorna till en, prioriterad varje månad tillsammans med IT", 0, springDue.AddDays(75),
                ImprovementActionStatus.Done, spring, springDue.AddDays(96), "Klar tre veckor för sent eftersom IT:s planeringscykel flyttades."),
            Action("change", "Konsekvensanalys för kunderna inför varje pris- eller villkorsändring", 0, springDue.AddDays(60),
                ImprovementActionStatus.Dropped, spring, notes: "Ersatt av produktrådets checklista inför lansering."),
            Action("leadership", "Ledningsgruppen medlyssnar på kundsamtal en gång per kvartal", 3, autumnDue.AddDays(21),
                ImprovementActionStatus.Open, autumn),
            Action("offering", "Låt fem medarbetare testa paketet el och fiber med kunder före lansering", 4, autumnDue.AddDays(60),
                ImprovementActionStatus.InProgress, autumn),
            Action("technology", "Mät överlämningar från bot till människa per kontaktorsak och åtgärda de tre vanligaste", 1, today.AddDays(30),
                ImprovementActionStatus.Open, autumn));
    }

    /// <summary>The round's name as a Swedish organisation writes it: the season and year ("Hösten 2025", "Vintern 2025/26").</summary>
    private static string SeasonName(DateOnly date) => date.Month switch
    {
        3 or 4 or 5 => $"Våren {date.Year}",
        6 or 7 or 8 => $"Sommaren {date.Year}",
        9 or 10 or 11 => $"Hösten {date.Year}",
        12 => $"Vintern {date.Year}/{date.Year + 1 - 2000:00}",
        _ => $"Vintern {date.Year - 1}/{date.Year - 2000:00}",
    };
}
