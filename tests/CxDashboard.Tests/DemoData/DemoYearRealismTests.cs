using CxDashboard.DemoData;
using Xunit;
using Xunit.Abstractions;

namespace CxDashboard.Tests.DemoData;

/// <summary>The behaviour the dashboard's stories rely on, computed from the generated files of the default year.</summary>
[Collection(DemoYearCollection.Name)]
public sealed class DemoYearRealismTests(DemoYearFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    private readonly GeneratedDemoData data = fixture.Data;

    [Fact]
    public void DefaultYear_IsModerateForAFastFirstStart()
    {
        Assert.InRange(data.Contacts.Count, 100_000, 150_000);
        Assert.Equal(data.Summary.Contacts, data.Contacts.Count);
        Assert.Equal(data.Summary.SurveyResponses, data.Responses.Count);
        Assert.Equal(DemoDataTestSupport.EndDate.AddDays(-364), DateOnly.FromDateTime(data.Contacts.Min(c => c.StartedAt).DateTime));
        Assert.Equal(DemoDataTestSupport.EndDate, DateOnly.FromDateTime(data.Contacts.Max(c => c.StartedAt).DateTime));
    }

    [Fact]
    public void SurveyResponses_CoverAboutTwentyPercentOfContacts()
    {
        var rate = data.Responses.Count / (double)data.Contacts.Count;
        Assert.InRange(rate, 0.17, 0.23);

        var ratedContacts = data.Responses.GroupBy(r => r.ContactId).ToList();
        Assert.Contains(ratedContacts, g => g.Count() == 2);
        Assert.True(ratedContacts.Count(g => g.Count() > 1) < ratedContacts.Count * 0.03, "only a few contacts get two responses");
    }

    [Fact]
    public void SurveyResponses_ArriveFiveMinutesToTwoDaysAfterTheContactAndBeforeTheEnd()
    {
        var contacts = data.Contacts.ToDictionary(c => c.ContactId);
        var periodEnd = new DateTimeOffset(DemoDataTestSupport.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(2));
        foreach (var response in data.Responses)
        {
            var contact = contacts[response.ContactId];
            var delay = response.ReceivedAt - contact.StartedAt;
            Assert.True(delay >= TimeSpan.FromMinutes(5), $"{response.ResponseId} came {delay} after its contact");

            Assert.True(delay <= TimeSpan.FromDays(2) + TimeSpan.FromSeconds(contact.HandleSeconds ?? 0), $"{response.ResponseId} came {delay} late");
            Assert.True(response.ReceivedAt < periodEnd, $"{response.ResponseId} was received after the end date");
        }
    }

    [Fact]
    public void SurveyAnswers_HaveTheConfiguredShapes()
    {
        var responses = data.Responses;
        Assert.All(responses, r => Assert.InRange(r.Csat, 1, 5));
        Assert.All(responses, r => Assert.Contains(r.Resolved, new[] { "yes", "no", "" }));
        Assert.All(responses.Where(r => r.Nps is not null), r => Assert.InRange(r.Nps!.Value, 0, 10));

        Assert.InRange(Share(responses, r => r.Resolved.Length > 0), 0.80, 0.90);
        Assert.InRange(Share(responses, r => r.Nps is not null), 0.55, 0.65);
        Assert.InRange(Share(responses, r => r.Comment.Length > 0), 0.25, 0.35);
    }

    [Fact]
    public void Csat_IsLowerForContactsFollowedByARepeatWithinSevenDays()
    {
        var followed = data.ContactsFollowedWithin(RepeatWindow);
        var afterRepeat = data.Responses.Where(r => followed.Contains(r.ContactId)).ToList();
        var withoutRepeat = data.Responses.Where(r => !followed.Contains(r.ContactId)).ToList();

        Assert.True(afterRepeat.Count > 1000, $"only {afterRepeat.Count} responses rate a contact that was followed by a repeat");
        var meanAfterRepeat = afterRepeat.Average(r => r.Csat);
        var meanWithoutRepeat = withoutRepeat.Average(r => r.Csat);
        Assert.True(meanAfterRepeat < meanWithoutRepeat - 0.5,
            $"mean CSAT {meanAfterRepeat:F2} after a repeat vs {meanWithoutRepeat:F2} without");

        // Customers who had to come back rarely call the first contact resolved.
        var resolvedAfterRepeat = Share(afterRepeat.Where(r => r.Resolved.Length > 0), r => r.Resolved == "yes");
        var resolvedWithoutRepeat = Share(withoutRepeat.Where(r => r.Resolved.Length > 0), r => r.Resolved == "yes");
        Assert.True(resolvedAfterRepeat < resolvedWithoutRepeat - 0.3,
            $"'resolved: yes' in {resolvedAfterRepeat:P0} after a repeat vs {resolvedWithoutRepeat:P0} without");
    }

    [Fact]
    public void OverallKpis_LookLikeARealContactCentre()
    {
        var csatTopTwoBox = Share(data.Responses, r => r.Csat >= 4);
        Assert.InRange(csatTopTwoBox, 0.60, 0.85);

        var repeatRate = data.ContactsFollowedWithin(RepeatWindow).Count / (double)data.Contacts.Count;
        Assert.InRange(repeatRate, 0.10, 0.30);
    }

    [Fact]
    public void ChannelMix_DriftsFromPhoneTowardsDigital()
    {
        var byMonth = data.Contacts.GroupBy(c => (c.StartedAt.Year, c.StartedAt.Month)).OrderBy(g => g.Key).ToList();
        double ShareOf(IEnumerable<DemoContact> contacts, string channel) => Share(contacts.ToList(), c => c.Channel == channel);

        var (first, last) = (byMonth[0], byMonth[^1]);
        Assert.InRange(ShareOf(first, "phone"), 0.38, 0.52);
        Assert.InRange(ShareOf(last, "phone"), 0.20, 0.32);
        Assert.True(ShareOf(last, "selfservice") > ShareOf(first, "selfservice") + 0.05, "self-service should grow over the year");
        Assert.Equal(
            new[] { "chat", "email", "messaging", "phone", "selfservice", "social" },
            data.Contacts.Select(c => c.Channel).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SelfServiceContacts_HaveNoAgentAndOtherContactsHaveTheAgentsTeam()
    {
        var teamOfAgent = data.Agents.Rows.ToDictionary(r => r[data.Agents.Column("agent_id")], r => r[data.Agents.Column("team")]);
        foreach (var contact in data.Contacts)
        {
            if (contact.Channel == "selfservice")
            {
                Assert.Equal("", contact.AgentId);
                Assert.Equal("", contact.Team);
            }
            else
            {
                Assert.True(teamOfAgent.TryGetValue(contact.AgentId, out var team), $"{contact.ContactId} has unknown agent '{contact.AgentId}'");
                Assert.Equal(team, contact.Team);
            }
        }
    }

    [Fact]
    public void BotEscalations_AreChatOrMessagingContactsHandledByAPerson()
    {
        var escalated = data.Contacts.Where(c => c.EscalatedFromBot).ToList();
        Assert.True(escalated.Count > 1000, $"only {escalated.Count} escalations from the bot");
        Assert.All(escalated, c => Assert.Contains(c.Channel, new[] { "chat", "messaging" }));
        Assert.All(escalated, c => Assert.NotEqual("", c.AgentId));
    }

    [Fact]
    public void HandleTimes_AreRealisticPerChannel()
    {
        int[] Seconds(string channel) => data.Contacts.Where(c => c.Channel == channel && c.HandleSeconds is not null)
            .Select(c => c.HandleSeconds!.Value).ToArray();

        Assert.All(Seconds("phone"), s => Assert.InRange(s, 180, 900));
        Assert.True(Median(Seconds("chat")) > Median(Seconds("phone")), "chats take longer than calls");
        Assert.True(Median(Seconds("selfservice")) < Median(Seconds("phone")), "self-service is short");
        Assert.Contains(data.Contacts, c => c.Channel == "selfservice" && c.HandleSeconds is null);
        Assert.DoesNotContain(data.Contacts, c => c.Channel == "phone" && c.HandleSeconds is null);
    }

    [Fact]
    public void ShortHandleTimeAgents_HaveMoreRepeatsAndLowerCsat()
    {
        // The article's point: agents who end calls quickly look efficient, but their customers call back.
        var quickAgents = AgentIdsWithProfile("quickRepeat");
        var steadyAgents = AgentIdsWithProfile("steady");
        Assert.NotEmpty(quickAgents);

        var followed = data.ContactsFollowedWithin(RepeatWindow);
        var contactsById = data.Contacts.ToDictionary(c => c.ContactId);
        (double PhoneSeconds, double RepeatRate, double Csat) Results(HashSet<string> agents)
        {
            var contacts = data.Contacts.Where(c => agents.Contains(c.AgentId)).ToList();
            return (
                contacts.Where(c => c.Channel == "phone").Average(c => c.HandleSeconds!.Value),
                Share(contacts, c => followed.Contains(c.ContactId)),
                data.Responses.Where(r => agents.Contains(contactsById[r.ContactId].AgentId)).Average(r => r.Csat));
        }

        var quick = Results(quickAgents);
        var steady = Results(steadyAgents);
        Assert.True(quick.PhoneSeconds < steady.PhoneSeconds * 0.8, $"phone handle {quick.PhoneSeconds:F0} s vs {steady.PhoneSeconds:F0} s");
        Assert.True(quick.RepeatRate > steady.RepeatRate * 1.4, $"repeat rate {quick.RepeatRate:P1} vs {steady.RepeatRate:P1}");
        Assert.True(quick.Csat < steady.Csat - 0.3, $"CSAT {quick.Csat:F2} vs {steady.Csat:F2}");
    }

    [Fact]
    public void SomeCustomers_ContactThreeOrMoreTimesWithinSevenDays()
    {
        var repeatCallers = data.Contacts
            .GroupBy(c => c.CustomerId)
            .Count(g =>
            {
                var times = g.Select(c => c.StartedAt).Order().ToList();
                return Enumerable.Range(0, Math.Max(0, times.Count - 2)).Any(i => times[i + 2] - times[i] <= RepeatWindow);
            });
        Assert.True(repeatCallers >= 20, $"only {repeatCallers} customers made three contacts within seven days");
    }

    [Fact]
    public void Customers_KeepTheirDetailsAndAboutOnePercentMustNotBeContacted()
    {
        var customers = data.Contacts.GroupBy(c => c.CustomerId).ToList();
        Assert.All(customers.Take(5000), g => Assert.Single(g.Select(c => (c.CustomerName, c.CustomerPhone, c.CustomerEmail, c.DoNotContact)).Distinct()));
        Assert.InRange(Share(customers, g => g.First().DoNotContact), 0.005, 0.015);
        Assert.All(customers.Select(g => g.First()).Where(c => c.CustomerPhone.Length > 0),
            c => Assert.Matches(@"^\+46 7\d \d{3} \d{2} \d{2}$", c.CustomerPhone));
    }

    [Fact]
    public void Engagement_HasAPulsePerTeamAndMonth_AndASmallTeamSometimesBelowFive()
    {
        var teams = data.Agents.Rows.Select(r => r[data.Agents.Column("team")]).Distinct().ToList();
        var answersPerTeamMonth = data.Engagement.GroupBy(a => (a.Team, a.Period)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(teams.Count * 12, answersPerTeamMonth.Count);
        Assert.Contains(answersPerTeamMonth, kv => kv.Value < 5);
        Assert.True(answersPerTeamMonth.Values.Count(n => n >= 5) > answersPerTeamMonth.Count * 0.8, "most team-months reach the threshold");
        Assert.All(data.Engagement, a => Assert.InRange(a.Enps!.Value, 0, 10));
        Assert.All(data.Engagement.SelectMany(a => a.Items).Where(i => i is not null), i => Assert.InRange(i!.Value, 1, 5));
    }

    [Fact]
    public void Comments_AreSwedishApartFromAFewInEnglish()
    {
        var bank = fixture.Organisation.Comments.ToDictionary(c => c.Text, c => c.Language);
        var comments = data.Responses.Where(r => r.Comment.Length > 0).ToList();
        Assert.All(comments, r => Assert.True(bank.ContainsKey(r.Comment), $"'{r.Comment}' is not in the bank"));
        Assert.True(comments.Select(r => r.Comment).Distinct().Count() >= 60, "the comments should be varied");

        // Read from the text itself, not from the bank's language field.
        var english = Share(comments, r => LanguageGuess.LooksEnglish(r.Comment));
        output.WriteLine($"{comments.Count} comments, {english:P1} in English");
        Assert.All(comments.Where(r => !LanguageGuess.LooksEnglish(r.Comment)), r => Assert.True(LanguageGuess.LooksSwedish(r.Comment), r.Comment));
        Assert.InRange(english, 0.02, 0.0999);
        Assert.Equal(english, Share(comments, r => bank[r.Comment] == "en"));
    }

    private HashSet<string> AgentIdsWithProfile(string profile)
    {
        var emails = fixture.Organisation.Agents.Where(a => a.Profile == profile).Select(a => a.Email).ToHashSet();
        var (id, email) = (data.Agents.Column("agent_id"), data.Agents.Column("email"));
        return data.Agents.Rows.Where(r => emails.Contains(r[email])).Select(r => r[id]).ToHashSet();
    }

    private static double Share<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items as IReadOnlyCollection<T> ?? items.ToList();
        return list.Count == 0 ? 0 : list.Count(predicate) / (double)list.Count;
    }

    private static double Median(int[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
