using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Imports;

namespace CxDashboard.Tests.Localisation;

/// <summary>Every sentence the importer or an upload's run can say has its Swedish, with the same placeholders.</summary>
public sealed class ImportMessageTextTests
{
    [Fact]
    public void Every_import_message_has_its_Swedish_with_the_same_placeholders()
    {
        var swedish = new ResourceManager("CxDashboard.Web.Resources.Features.Imports.ImportMessageText", typeof(ImportMessageText).Assembly);
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var problems = new List<string>();
        foreach (var sentence in ImportMessageText.All)
        {
            var translated = swedish.GetString(sentence, culture);
            if (translated is null) problems.Add("no Swedish: " + sentence);
            else if (!Placeholders(translated).SetEquals(Placeholders(sentence))) problems.Add($"other placeholders: {sentence} → {translated}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(ImportMessageText.All, s => s == Web.Features.Ingestion.ImportText.NoSuchContact);
    }

    private static HashSet<string> Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
