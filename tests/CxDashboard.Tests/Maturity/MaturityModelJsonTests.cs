using System.Text.Json.Nodes;
using CxDashboard.Web.Features.Maturity.Kpis;
using CxDashboard.Web.Features.Maturity.Model;

namespace CxDashboard.Tests.Maturity;

/// <summary>The model as data: the shipped file's content, and the clear errors a bad model file gets.</summary>
public sealed class MaturityModelJsonTests
{
    private static string ShippedJson() => File.ReadAllText(Path.Combine(MaturityTestData.RepositoryRoot(), "seed-data", "maturity-model.json"));


    [Fact]
    public void The_shipped_model_has_the_nine_capabilities_of_the_article_in_both_languages()
    {
        var model = MaturityModelJson.LoadShipped();

        Assert.Equal(["strategy", "insight", "leadership", "organisation", "journey", "change", "delivery", "offering", "technology"],
            model.Capabilities.Select(c => c.Key));
        Assert.Equal("Organisation och roller", model.Capability("organisation")!.Name.Sv);
        Assert.Equal("Technology, self-service and AI", model.Capability("technology")!.Name.En);
        Assert.Equal(["Ad hoc", "Emerging", "Defined", "Managed", "Embedded"], model.Levels.Select(l => l.Name.En));
        Assert.Equal(["Reaktiv", "Påbörjad", "Etablerad", "Styrd", "Integrerad"], model.Levels.Select(l => l.Name.Sv));
        Assert.All(model.Capabilities, c =>
        {
            Assert.InRange(c.Statements.Count, 3, 4);
            Assert.Equal(5, c.Levels.Count);
            Assert.All(c.Statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Text.Sv) || string.IsNullOrWhiteSpace(s.Text.En)));
            Assert.All(c.Kpis, k => Assert.NotNull(CapabilityKpiCatalog.Find(k)));
        });
        Assert.Contains(model.Capability("organisation")!.Statements,
            s => s.Text.En == "Dissatisfied customers are called back by a named role within one working day.");
        Assert.Equal([CapabilityKpiCatalog.CallbackSlaMet, CapabilityKpiCatalog.RecoveryRate], model.Capability("organisation")!.Kpis);
    }

    [Fact]
    public void The_built_in_copy_is_the_seed_data_file()
    {
        Assert.Equal(MaturityModelJson.Serialize(MaturityModelJson.Parse(ShippedJson())), MaturityModelJson.Serialize(MaturityModelJson.LoadShipped()));
    }

    [Fact]
    public void A_model_survives_a_round_trip_through_json()
    {
        var model = MaturityModelJson.LoadShipped();
        var json = MaturityModelJson.Serialize(model);
        var again = MaturityModelJson.Parse(json);
        Assert.Equal(json, MaturityModelJson.Serialize(again));
        // Only the data is stored: no derived values (e.g. the text in the saving user's language).
        Assert.Equal(["name", "scale", "levels", "capabilities"], JsonNode.Parse(json)!.AsObject().Select(p => p.Key));
        Assert.Equal(["sv", "en"], JsonNode.Parse(json)!["name"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var error = Assert.Throws<MaturityModelException>(() => MaturityModelJson.Parse("{\n  \"name\": {\"sv\": \"a\", \"en\": \"b\"},\n  \"levels\": [ oops ]\n}"));
        Assert.StartsWith("line 3, $.levels", Assert.Single(error.Errors));
    }

    [Fact]
    public void An_unknown_property_is_refused_so_a_typo_fails_loudly()
    {
        var json = Edit(root => root["capabilities"]![0]!["statments"] = new JsonArray());
        var error = Assert.Throws<MaturityModelException>(() => MaturityModelJson.Parse(json));
        Assert.Contains("$.capabilities[0]", Assert.Single(error.Errors));
    }

    [Fact]
    public void Each_problem_names_where_it_is()
    {
        var json = Edit(root =>
        {
            root["capabilities"]![1]!["name"]!["sv"] = " ";
            root["capabilities"]![2]!["statements"]![0]!["key"] = "insight-1";
            root["capabilities"]![3]!["kpis"] = new JsonArray("callback-sla-met", "average-handle-time");
            root["capabilities"]![4]!["levels"]!.AsArray().RemoveAt(4);
            root["capabilities"]![5]!["key"] = "Change Management";
        });

        var errors = Assert.Throws<MaturityModelException>(() => MaturityModelJson.Parse(json)).Errors;

        Assert.Contains("$.capabilities[1].name.sv: the Swedish text is empty", errors);
        Assert.Contains("$.capabilities[2].statements[0].key: 'insight-1' is used by another statement", errors);
        Assert.Contains(errors, e => e.StartsWith("$.capabilities[3].kpis[1]: unknown KPI 'average-handle-time'", StringComparison.Ordinal));
        Assert.Contains("$.capabilities[4].levels: 5 level descriptions are needed (found 4)", errors);
        Assert.Contains(errors, e => e.StartsWith("$.capabilities[5].key: 'Change Management' is not a key", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Editing_a_capability_keeps_statement_keys_and_gives_new_statements_the_next_free_key()
    {
        var model = MaturityModelJson.LoadShipped();
        var input = CapabilityEditInput.From(model.Capability("organisation")!);
        input.Statements[0].En = "Dissatisfied customers are called back by a named role within four working hours.";
        input.Statements[1].Remove = true;
        input.Statements.Add(new StatementInput { Sv = "Återkontakterna följs upp varje vecka.", En = "Callbacks are followed up every week." });
        input.Statements.Add(new StatementInput()); // an untouched blank row

        var edited = MaturityModelEdits.Apply(model, "organisation", input);

        Assert.Equal(["organisation-1", "organisation-3", "organisation-4", "organisation-5"], edited.Statements.Select(s => s.Key));
        Assert.Equal("Dissatisfied customers are called back by a named role within four working hours.", edited.Statements[0].Text.En);
        Assert.Equal("Callbacks are followed up every week.", edited.Statements[3].Text.En);
        MaturityModelJson.Validate(model.WithCapability(edited));
    }

    private static string Edit(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(ShippedJson())!;
        change(root);
        return root.ToJsonString();
    }
}
