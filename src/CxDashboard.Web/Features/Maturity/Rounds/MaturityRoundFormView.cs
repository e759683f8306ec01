using CxDashboard.Web.Features.Maturity.Model;

namespace CxDashboard.Web.Features.Maturity.Rounds;

/// <summary>What the round form (open or edit) shows: the values, the choices, and errors by field.</summary>
public sealed record MaturityRoundFormView(
    string? Name,
    DateOnly? AssessedOn,
    IReadOnlyList<RaterChoice> RaterChoices,
    IReadOnlySet<string> ChosenRaters,
    IReadOnlySet<string> SubmittedRaters,
    MaturityModelDefinition Model,
    IReadOnlyDictionary<string, int?> Targets,
    IReadOnlyDictionary<string, string> Errors,
    string SubmitLabel);
