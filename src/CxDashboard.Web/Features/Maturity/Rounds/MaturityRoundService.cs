using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Maturity.Rounds;

/// <summary>Opening, editing and closing rounds, and raters saving and submitting their answers.</summary>
public sealed class MaturityRoundService(CxDbContext db, MaturityModelService models, IStringLocalizer<MaturityRoundService> text, TimeProvider clock)
{
    public const string DontKnow = "dk";
    public const int MaxCommentLength = 2000;
    public const int DefaultTarget = 3;

    /// <summary>Who may be asked to rate: active administrators and managers.</summary>
    public async Task<IReadOnlyList<RaterChoice>> RaterChoicesAsync(CancellationToken ct = default)
    {
        string[] roles = [Roles.Admin, Roles.Manager];
        var users = await (from user in db.Users
                           join userRole in db.UserRoles on user.Id equals userRole.UserId
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where roles.Contains(role.Name!) && !user.IsDisabled
                           select new { user.Id, user.DisplayName, user.Email }).Distinct().ToListAsync(ct);
        return RaterChoice.Sorted(users.Select(u => RaterChoice.From(u.Id, u.DisplayName, u.Email)));
    }

    public async Task<MaturityRoundSummary?> GetSummaryAsync(int roundId, CancellationToken ct = default) =>
        (await SummariesAsync(db.MaturityRounds.Where(r => r.Id == roundId), ct)).FirstOrDefault();

    /// <summary>Every round, newest first.</summary>
    public async Task<IReadOnlyList<MaturityRoundSummary>> ListAsync(CancellationToken ct = default) =>
        await SummariesAsync(db.MaturityRounds, ct);

    /// <summary>The closed round just before this one (by date, then by id), which results compare with.</summary>
    public async Task<MaturityRoundSummary?> PreviousClosedAsync(MaturityRoundSummary round, CancellationToken ct = default) =>
        (await SummariesAsync(db.MaturityRounds.Where(r => r.Status == MaturityRoundStatus.Closed && r.Id != round.Id &&
            (r.AssessedOn < round.AssessedOn || (r.AssessedOn == round.AssessedOn && r.Id < round.Id))), ct)).FirstOrDefault();

    public async Task<MaturityRoundSummary?> LatestClosedAsync(CancellationToken ct = default) =>
        (await SummariesAsync(db.MaturityRounds.Where(r => r.Status == MaturityRoundStatus.Closed), ct)).FirstOrDefault();

    /// <summary>Open rounds where this user is a rater and has not submitted yet.</summary>
    public async Task<IReadOnlyList<MaturityRoundSummary>> AwaitingRaterAsync(string userId, CancellationToken ct = default)
    {
        var roundIds = db.MaturityRaters.Where(r => r.UserId == userId && r.SubmittedAtUtc == null).Select(r => r.RoundId);
        return await SummariesAsync(db.MaturityRounds.Where(r => r.Status == MaturityRoundStatus.Open && roundIds.Contains(r.Id)), ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> TargetsAsync(int roundId, CancellationToken ct = default) =>
        await db.MaturityRoundTargets.AsNoTracking().Where(t => t.RoundId == roundId).ToDictionaryAsync(t => t.CapabilityKey, t => t.Level, ct);

    public async Task<IReadOnlyList<RaterProgress>> RaterProgressAsync(int roundId, int statementCount, CancellationToken ct = default)
    {
        var raters = await db.MaturityRaters.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new
            {
                r.UserId, r.User!.DisplayName, r.User.Email, r.LastSavedAtUtc, r.SubmittedAtUtc,
                Answered = db.MaturityRatings.Count(x => x.RoundId == roundId && x.RaterUserId == r.UserId),
            })
            .ToListAsync(ct);
        return raters.Select(r => new RaterProgress(r.UserId, r.DisplayName, r.Email ?? "", r.Answered, statementCount, r.LastSavedAtUtc, r.SubmittedAtUtc))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<bool> IsRaterAsync(int roundId, string userId, CancellationToken ct = default) =>
        await db.MaturityRaters.AnyAsync(r => r.RoundId == roundId && r.UserId == userId, ct);

    /// <summary>The targets a new round starts from: the latest round's, else <see cref="DefaultTarget"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> SuggestedTargetsAsync(MaturityModelDefinition model, CancellationToken ct = default)
    {
        var latest = await db.MaturityRounds.AsNoTracking().OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var previous = latest is { } id ? await TargetsAsync(id, ct) : new Dictionary<string, int>();
        return model.Capabilities.ToDictionary(c => c.Key, c => previous.GetValueOrDefault(c.Key, DefaultTarget));
    }

    /// <summary>Opens a round on the current model version.</summary>
    public async Task<MaturityFormResult> OpenAsync(MaturityRoundForm form, string userId, CancellationToken ct = default)
    {
        var model = await models.GetCurrentAsync(ct);
        var errors = await ValidateAsync(form, model.Definition, ct);
        if (errors.Count > 0) return new(null, errors);

        var round = new MaturityRound
        {
            Name = form.Name!.Trim(),
            AssessedOn = form.AssessedOn!.Value,
            ModelVersionId = model.VersionId,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
            OpenedByUserId = userId,
            Targets = model.Definition.Capabilities.Select(c => new MaturityRoundTarget { CapabilityKey = c.Key, Level = form.Targets[c.Key]!.Value }).ToList(),
            Raters = form.RaterUserIds.Distinct().Select(id => new MaturityRater { UserId = id }).ToList(),
        };
        db.MaturityRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return MaturityFormResult.Ok(round.Id);
    }

    /// <summary>Changes an open round's name, date, targets and raters. A rater who has submitted cannot be removed.</summary>
    public async Task<MaturityFormResult> UpdateAsync(int roundId, MaturityRoundForm form, CancellationToken ct = default)
    {
        var round = await db.MaturityRounds.Include(r => r.Targets).Include(r => r.Raters).ThenInclude(r => r.User)
            .FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return MaturityFormResult.Failed("", text["No such round."]);
        if (round.Status != MaturityRoundStatus.Open) return MaturityFormResult.Failed("", text["A closed round cannot be changed."]);
        var model = (await models.GetVersionAsync(round.ModelVersionId, ct))!;
        var errors = await ValidateAsync(form, model.Definition, ct);
        var wanted = form.RaterUserIds.Distinct().ToHashSet();
        var removedSubmitted = round.Raters.Where(r => r.SubmittedAtUtc is not null && !wanted.Contains(r.UserId)).ToList();
        if (removedSubmitted.Count > 0)
            errors["Raters"] = text["{0} submitted already and cannot be removed.", string.Join(", ", removedSubmitted.Select(r => r.User?.DisplayName ?? r.UserId))];
        if (errors.Count > 0) return new(null, errors);

        round.Name = form.Name!.Trim();
        round.AssessedOn = form.AssessedOn!.Value;
        foreach (var target in round.Targets) target.Level = form.Targets[target.CapabilityKey]!.Value;
        // Removing a rater removes their unsubmitted draft with them (cascade).
        db.MaturityRaters.RemoveRange(round.Raters.Where(r => !wanted.Contains(r.UserId)));
        foreach (var id in wanted.Where(id => round.Raters.All(r => r.UserId != id)))
            round.Raters.Add(new MaturityRater { UserId = id });
        await db.SaveChangesAsync(ct);
        return MaturityFormResult.Ok(round.Id);
    }

    /// <summary>Closes a round: from now on its results and ratings never change. Needs at least one submitted rater.</summary>
    public async Task<MaturityFormResult> CloseAsync(int roundId, string userId, CancellationToken ct = default)
    {
        var round = await db.MaturityRounds.Include(r => r.Raters).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return MaturityFormResult.Failed("", text["No such round."]);
        if (round.Status == MaturityRoundStatus.Closed) return MaturityFormResult.Failed("", text["The round is closed already."]);
        if (round.Raters.All(r => r.SubmittedAtUtc is null))
            return MaturityFormResult.Failed("", text["No rater has submitted yet: a round without ratings cannot be closed."]);
        round.Status = MaturityRoundStatus.Closed;
        round.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        round.ClosedByUserId = userId;
        await db.SaveChangesAsync(ct);
        return MaturityFormResult.Ok(round.Id);
    }

    public async Task<RatingSheet?> GetSheetAsync(int roundId, string userId, CancellationToken ct = default)
    {
        var round = await GetSummaryAsync(roundId, ct);
        var rater = await db.MaturityRaters.AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId && r.UserId == userId, ct);
        if (round is null || rater is null) return null;
        var model = (await models.GetVersionAsync(round.ModelVersionId, ct))!;
        var answers = await db.MaturityRatings.AsNoTracking().Where(r => r.RoundId == roundId && r.RaterUserId == userId)
            .ToDictionaryAsync(r => r.StatementKey, r => r.Score, ct);
        var comments = await db.MaturityComments.AsNoTracking().Where(c => c.RoundId == roundId && c.RaterUserId == userId)
            .ToDictionaryAsync(c => c.CapabilityKey, c => c.Text, ct);
        return new RatingSheet(round, model.Definition, answers, comments, rater.LastSavedAtUtc, rater.SubmittedAtUtc);
    }

    /// <summary>
    /// Saves a rater's answers ("1"–"5" or "dk" by statement key; a statement left out stays unanswered) and comments by
    /// capability key, replacing what they saved before. An invalid value saves nothing. With <paramref name="submit"/>,
    /// a complete sheet is submitted; an incomplete one is kept as a draft and the missing statements returned.
    /// </summary>
    public async Task<RatingSaveResult> SaveAsync(int roundId, string userId, IReadOnlyDictionary<string, string?> answers,
        IReadOnlyDictionary<string, string?> comments, bool submit, CancellationToken ct = default)
    {
        var sheet = await GetSheetAsync(roundId, userId, ct);
        if (sheet is null) return RatingSaveResult.Refused(text["You are not a rater in this round."]);
        if (!sheet.Round.IsOpen) return RatingSaveResult.Refused(text["The round is closed: ratings can no longer change."]);
        if (sheet.Submitted) return RatingSaveResult.Refused(text["You have submitted your ratings for this round already."]);

        var model = sheet.Model;
        var statementNames = StatementLabels(model);
        var errors = new List<string>();
        var parsed = new Dictionary<string, int?>();
        foreach (var (key, raw) in answers)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (!statementNames.TryGetValue(key, out var label)) { errors.Add(text["'{0}' is not a statement of this round's model.", key]); continue; }
            var value = raw.Trim();
            if (value == DontKnow) parsed[key] = null;
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5) parsed[key] = score;
            else errors.Add(text["{0}: '{1}' is not a score from 1 to 5 or \"don't know\".", label, value]);
        }
        var texts = new Dictionary<string, string>();
        foreach (var (key, raw) in comments)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var capability = model.Capability(key);
            if (capability is null) { errors.Add(text["'{0}' is not a capability of this round's model.", key]); continue; }
            var comment = raw.Trim();
            if (comment.Length > MaxCommentLength) errors.Add(text["Comment on {0}: at most {1} characters (it has {2}).", capability.Name.Current, MaxCommentLength, comment.Length]);
            else texts[key] = comment;
        }
        if (errors.Count > 0) return new(false, false, errors, []);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MaturityRatings.Where(r => r.RoundId == roundId && r.RaterUserId == userId).ExecuteDeleteAsync(ct);
        await db.MaturityComments.Where(c => c.RoundId == roundId && c.RaterUserId == userId).ExecuteDeleteAsync(ct);
        db.MaturityRatings.AddRange(parsed.Select(p => new MaturityRating { RoundId = roundId, RaterUserId = userId, StatementKey = p.Key, Score = p.Value }));
        db.MaturityComments.AddRange(texts.Select(t => new MaturityComment { RoundId = roundId, RaterUserId = userId, CapabilityKey = t.Key, Text = t.Value }));
        var rater = await db.MaturityRaters.SingleAsync(r => r.RoundId == roundId && r.UserId == userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        rater.LastSavedAtUtc = now;
        var missing = model.AllStatements.Select(s => s.Key).Where(k => !parsed.ContainsKey(k)).ToList();
        var submitted = submit && missing.Count == 0;
        if (submitted) rater.SubmittedAtUtc = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        if (submit && !submitted)
        {
            var listed = missing.Take(5).Select(k => statementNames[k]).ToList();
            var message = missing.Count > listed.Count
                ? text["Your answers are saved, but not submitted: {0} statement(s) still need a score or \"don't know\": {1} and {2} more.", missing.Count, string.Join("; ", listed), missing.Count - listed.Count].Value
                : text["Your answers are saved, but not submitted: {0} statement(s) still need a score or \"don't know\": {1}.", missing.Count, string.Join("; ", listed)].Value;
            return new(true, false, [message], missing);
        }
        return new(true, submitted, [], submit ? [] : missing);
    }

    /// <summary>Submitted raters' answers, for administrators only (the pages and the export check the role).</summary>
    public async Task<IReadOnlyList<IndividualRating>> IndividualRatingsAsync(int roundId, CancellationToken ct = default)
    {
        var rows = await (from rating in db.MaturityRatings
                          join rater in db.MaturityRaters on new { rating.RoundId, UserId = rating.RaterUserId } equals new { rater.RoundId, rater.UserId }
                          where rating.RoundId == roundId && rater.SubmittedAtUtc != null
                          select new { rater.User!.DisplayName, rater.User.Email, rating.StatementKey, rating.Score, Submitted = rater.SubmittedAtUtc!.Value })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new IndividualRating(r.DisplayName, r.Email ?? "", r.StatementKey, r.Score, r.Submitted))
            .OrderBy(r => r.RaterName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Submitted raters' comments; names only when <paramref name="withNames"/> (administrators).</summary>
    public async Task<IReadOnlyList<RaterComment>> CommentsAsync(int roundId, bool withNames, CancellationToken ct = default)
    {
        var rows = await (from comment in db.MaturityComments
                          join rater in db.MaturityRaters on new { comment.RoundId, UserId = comment.RaterUserId } equals new { rater.RoundId, rater.UserId }
                          where comment.RoundId == roundId && rater.SubmittedAtUtc != null
                          orderby comment.Id
                          select new { comment.CapabilityKey, comment.Text, rater.User!.DisplayName })
            .AsNoTracking().ToListAsync(ct);
        // Without names, the order must not give away who wrote what: order by text.
        return withNames
            ? rows.Select(r => new RaterComment(r.CapabilityKey, r.Text, r.DisplayName)).OrderBy(r => r.RaterName, StringComparer.CurrentCulture).ToList()
            : rows.Select(r => new RaterComment(r.CapabilityKey, r.Text, null)).OrderBy(r => r.Text, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>"Organisation and roles, statement 2" for messages.</summary>
    public static Dictionary<string, string> StatementLabels(MaturityModelDefinition model) =>
        model.Capabilities.SelectMany(c => c.Statements.Select((s, i) => (s.Key, Label: Presentation.Vocabulary.Current.Format("Maturity.StatementLabel", c.Name.Current, i + 1))))
            .ToDictionary(x => x.Key, x => x.Label);

    private async Task<Dictionary<string, string>> ValidateAsync(MaturityRoundForm form, MaturityModelDefinition model, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Name)) errors["Name"] = text["Give the round a name, e.g. \"Autumn 2026\"."];
        else if (form.Name.Trim().Length > 200) errors["Name"] = text["The name is at most 200 characters."];
        if (form.AssessedOn is null) errors["AssessedOn"] = text["Give the date the assessment is as of."];
        var choices = (await RaterChoicesAsync(ct)).Select(c => c.UserId).ToHashSet();
        if (form.RaterUserIds.Count == 0) errors["Raters"] = text["Choose at least one rater."];
        else if (form.RaterUserIds.Any(id => !choices.Contains(id))) errors["Raters"] = text["A chosen rater is not an active administrator or manager."];
        foreach (var capability in model.Capabilities)
        {
            var level = form.Targets.GetValueOrDefault(capability.Key);
            if (level is not (>= 1 and <= MaturityModelDefinition.LevelCount))
                errors[$"Targets[{capability.Key}]"] = text["{0}: the target is a level from 1 to {1}.", capability.Name.Current, MaturityModelDefinition.LevelCount];
        }
        return errors;
    }

    private async Task<List<MaturityRoundSummary>> SummariesAsync(IQueryable<MaturityRound> rounds, CancellationToken ct) =>
        await rounds.AsNoTracking()
            .OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id)
            .Select(r => new MaturityRoundSummary(r.Id, r.Name, r.AssessedOn, r.Status, r.ModelVersionId, r.ModelVersion!.Version, r.OpenedAtUtc, r.ClosedAtUtc))
            .ToListAsync(ct);
}
