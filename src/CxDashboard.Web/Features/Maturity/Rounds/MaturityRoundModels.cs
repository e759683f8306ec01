using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Maturity.Model;

namespace CxDashboard.Web.Features.Maturity.Rounds;

/// <summary>A round as lists and headings show it.</summary>
public sealed record MaturityRoundSummary(
    int Id,
    string Name,
    DateOnly AssessedOn,
    MaturityRoundStatus Status,
    int ModelVersionId,
    int ModelVersion,
    DateTime OpenedAtUtc,
    DateTime? ClosedAtUtc)
{
    public bool IsOpen => Status == MaturityRoundStatus.Open;
}

/// <summary>What opening or editing a round asks for. Targets are by capability key.</summary>
public sealed record MaturityRoundForm
{
    public string? Name { get; init; }
    public DateOnly? AssessedOn { get; init; }
    public IReadOnlyList<string> RaterUserIds { get; init; } = [];
    public IReadOnlyDictionary<string, int?> Targets { get; init; } = new Dictionary<string, int?>();
}

/// <summary>A form's outcome: the round's id, or errors by field name (Name, AssessedOn, Raters, Targets[key]).</summary>
public sealed record MaturityFormResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static MaturityFormResult Ok(int id) => new(id, new Dictionary<string, string>());
    public static MaturityFormResult Failed(string field, string error) => new(null, new Dictionary<string, string> { [field] = error });
}

/// <summary>A user to choose (a rater, an action's owner): the display name, or the e-mail when there is none.</summary>
public sealed record RaterChoice(string UserId, string Name, string Email)
{
    public static RaterChoice From(string userId, string? displayName, string? email) =>
        new(userId, string.IsNullOrWhiteSpace(displayName) ? email ?? userId : displayName, email ?? "");

    public static IReadOnlyList<RaterChoice> Sorted(IEnumerable<RaterChoice> choices) =>
        choices.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
}

/// <summary>A rater's progress: how many statements answered, saved and submitted when. No scores.</summary>
public sealed record RaterProgress(string UserId, string Name, string Email, int Answered, int Statements, DateTime? LastSavedAtUtc, DateTime? SubmittedAtUtc)
{
    public bool Submitted => SubmittedAtUtc is not null;
}

/// <summary>What a rater sees and fills in: the round's own model version, their answers (null = don't know) and comments.</summary>
public sealed record RatingSheet(
    MaturityRoundSummary Round,
    MaturityModelDefinition Model,
    IReadOnlyDictionary<string, int?> Answers,
    IReadOnlyDictionary<string, string> Comments,
    DateTime? LastSavedAtUtc,
    DateTime? SubmittedAtUtc)
{
    public int StatementCount => Model.AllStatements.Count();
    public bool Submitted => SubmittedAtUtc is not null;
    public bool CanEdit => Round.IsOpen && !Submitted;
}

/// <summary>What saving ratings did. On a submit with unanswered statements the answers are kept as a draft and Missing lists the rest.</summary>
public sealed record RatingSaveResult(bool Saved, bool Submitted, IReadOnlyList<string> Errors, IReadOnlyList<string> MissingStatementKeys)
{
    public static RatingSaveResult Refused(string error) => new(false, false, [error], []);
}

/// <summary>One rater's answer as an administrator sees it.</summary>
public sealed record IndividualRating(string RaterName, string RaterEmail, string StatementKey, int? Score, DateTime SubmittedAtUtc);

/// <summary>A rater's comment on a capability; the rater's name only for administrators.</summary>
public sealed record RaterComment(string CapabilityKey, string Text, string? RaterName);
