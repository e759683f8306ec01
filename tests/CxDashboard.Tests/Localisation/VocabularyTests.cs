using System.Globalization;
using System.Xml.Linq;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Tests.Localisation;

/// <summary>The one vocabulary: every KPI, status, channel, callback word and role has a name in both languages.</summary>
public sealed class VocabularyTests
{
    private static readonly Vocabulary English = Vocabulary.For("en-GB");
    private static readonly Vocabulary Swedish = Vocabulary.For("sv-SE");

    private static string ResourcesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CxDashboard.Web", "Resources");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/CxDashboard.Web/Resources");
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_key_has_english_and_swedish_words()
    {
        var folder = ResourcesFolder();
        var english = Keys(Path.Combine(folder, "Vocabulary.resx"));
        var swedish = Keys(Path.Combine(folder, "Vocabulary.sv.resx"));
        Assert.Empty(english.Except(swedish));
        Assert.Empty(swedish.Except(english));
    }

    [Fact]
    public void Every_enum_value_people_read_has_a_word_in_both_languages()
    {
        var words = new List<(string What, Func<Vocabulary, string> Word)>();
        words.AddRange(Enum.GetValues<KpiKind>().Select(k => ($"Kpi.{k}", (Func<Vocabulary, string>)(v => v.Kpi(k)))));
        words.AddRange(Enum.GetValues<KpiKind>().Select(k => ($"Kpi.{k}.Definition", (Func<Vocabulary, string>)(v => v.KpiDefinition(k)))));
        words.AddRange(Enum.GetValues<TargetStatus>().Select(s => ($"Status.{s}", (Func<Vocabulary, string>)(v => v.Status(s)))));
        words.AddRange(Enum.GetValues<Channel>().Select(c => ($"Channel.{c}", (Func<Vocabulary, string>)(v => v.Channel(c)))));
        words.AddRange(Enum.GetValues<Channel>().Select(c => ($"Channel.{c}.InSentence", (Func<Vocabulary, string>)(v => v.ChannelInSentence(c)))));
        words.AddRange(Enum.GetValues<CallbackChannel>().Select(c => ($"CallbackChannel.{c}", (Func<Vocabulary, string>)(v => v.CallbackChannel(c)))));
        words.AddRange(Enum.GetValues<CallbackRule>().Select(r => ($"CallbackRule.{r}", (Func<Vocabulary, string>)(v => v.CallbackRule(r)))));
        words.AddRange(Enum.GetValues<CallbackAttemptResult>().Select(r => ($"CallbackResult.{r}", (Func<Vocabulary, string>)(v => v.CallbackResult(r)))));
        words.AddRange(Enum.GetValues<CallbackOutcome>().Select(o => ($"CallbackOutcome.{o}", (Func<Vocabulary, string>)(v => v.CallbackOutcome(o)))));
        words.AddRange(Enum.GetValues<CallbackCaseStatus>().Select(s => ($"CallbackStatus.{s}", (Func<Vocabulary, string>)(v => v.CallbackStatus(s)))));
        words.AddRange(Roles.All.Select(r => ($"Role.{r}", (Func<Vocabulary, string>)(v => v.Role(r)))));
        words.AddRange(Roles.All.Select(r => ($"Role.{r}.Description", (Func<Vocabulary, string>)(v => v.RoleDescription(r)))));

        var missing = words.Where(w => English[w.What] == w.What || Swedish[w.What] == w.What).Select(w => w.What).ToList();
        Assert.True(missing.Count == 0, "No word for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Swedish_names_are_the_ones_contact_centres_use_and_english_keeps_the_product_names()
    {
        Assert.Equal("Kundnöjdhet (CSAT)", Swedish.Kpi(KpiKind.CsatPercent));
        Assert.Equal("Lösningsgrad (FCR)", Swedish.Kpi(KpiKind.ContactFcrPercent));
        Assert.Equal("Återkontaktsgrad", Swedish.Kpi(KpiKind.RepeatContactRate));
        Assert.Equal("NPS", Swedish.Kpi(KpiKind.Nps));
        Assert.Equal("Engagemangsindex", Swedish.Kpi(KpiKind.EngagementIndex));
        Assert.Equal("Självservice/bot", Swedish.Channel(Channel.SelfService));
        Assert.Equal("Under målet", Swedish.Status(TargetStatus.Red));

        Assert.Equal("CSAT", English.Kpi(KpiKind.CsatPercent));
        Assert.Equal("Repeat-contact rate", English.Kpi(KpiKind.RepeatContactRate));
        Assert.Equal("Self-service / bot", English.Channel(Channel.SelfService));
        Assert.Equal("Off target", English.Status(TargetStatus.Red));
        // Codes for machines are not words and do not change with the language.
        Assert.Equal("selfservice", Channel.SelfService.Code());
    }

    [Fact]
    public void Static_helpers_follow_the_current_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal("Kundnöjdhet (CSAT)", KpiDefinitions.Get(KpiKind.CsatPercent).Name);
            Assert.Equal("Chatt", Channel.Chat.DisplayName());
            Assert.Equal("Chef", Roles.DisplayName(Roles.Manager));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("CSAT", KpiDefinitions.Get(KpiKind.CsatPercent).Name);
            Assert.Equal("Chat", Channel.Chat.DisplayName());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void No_resource_has_an_empty_word()
    {
        var empty = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ResourcesFolder(), "*.resx", SearchOption.AllDirectories))
        {
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                if (string.IsNullOrWhiteSpace((string?)data.Element("value"))) empty.Add($"{Path.GetFileName(file)}: {data.Attribute("name")}");
            }
        }
        Assert.Empty(empty);
    }
}
