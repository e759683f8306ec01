using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Maturity.Model;

/// <summary>A stored model version with its parsed definition.</summary>
public sealed record MaturityModelSnapshot(int VersionId, int Version, DateTime CreatedAtUtc, string ChangeNote, MaturityModelDefinition Definition);

public sealed record MaturityModelVersionInfo(int VersionId, int Version, DateTime CreatedAtUtc, string? CreatedBy, string ChangeNote, int Rounds);

/// <summary>What saving a model edit did: a new version, nothing (no change), or refused with errors.</summary>
public sealed record MaturityModelSaveResult(MaturityModelSnapshot? Saved, bool Unchanged, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The maturity model's versions. The current model is the highest version; every edit stores a whole new version, so a
/// round, which points at the version it was opened with, never changes when the model is edited.
/// </summary>
public sealed class MaturityModelService(CxDbContext db, TimeProvider clock)
{
    public const string ShippedNote = "The shipped model (seed-data/maturity-model.json)";

    private MaturityModelSnapshot? _current;

    /// <summary>Loads the shipped model when the database has none (every database: the model is product content).</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (await db.MaturityModelVersions.AnyAsync(ct)) return;
        await AddVersionAsync(MaturityModelJson.LoadShipped(), ShippedNote, null, ct);
    }

    public async Task<MaturityModelSnapshot> GetCurrentAsync(CancellationToken ct = default)
    {
        if (_current is not null) return _current;
        var row = await db.MaturityModelVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            await EnsureLoadedAsync(ct);
            row = await db.MaturityModelVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstAsync(ct);
        }
        return _current = ToSnapshot(row);
    }

    public async Task<MaturityModelSnapshot?> GetVersionAsync(int versionId, CancellationToken ct = default)
    {
        var row = await db.MaturityModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        return row is null ? null : ToSnapshot(row);
    }

    public async Task<MaturityModelSnapshot?> GetByNumberAsync(int version, CancellationToken ct = default)
    {
        var row = await db.MaturityModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, ct);
        return row is null ? null : ToSnapshot(row);
    }

    public async Task<IReadOnlyList<MaturityModelVersionInfo>> VersionsAsync(CancellationToken ct = default)
    {
        var versions = await db.MaturityModelVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new
            {
                v.Id, v.Version, v.CreatedAtUtc, v.ChangeNote,
                CreatedBy = v.CreatedBy == null ? null : v.CreatedBy.DisplayName,
                Rounds = db.MaturityRounds.Count(r => r.ModelVersionId == v.Id),
            })
            .ToListAsync(ct);
        return versions.Select(v => new MaturityModelVersionInfo(v.Id, v.Version, v.CreatedAtUtc, v.CreatedBy, v.ChangeNote, v.Rounds)).ToList();
    }

    /// <summary>Replaces one capability's texts, statements and KPI links in a new version.</summary>
    public async Task<MaturityModelSaveResult> SaveCapabilityAsync(MaturityCapability capability, string changeNote, string? userId, CancellationToken ct = default)
    {
        var current = await GetCurrentAsync(ct);
        if (current.Definition.Capability(capability.Key) is null)
            return new(null, false, [MaturityModelJson.Words().Format("The model has no capability '{0}'.", capability.Key)]);
        return await SaveAsync(current.Definition.WithCapability(capability), changeNote, userId, ct);
    }

    /// <summary>Stores a whole model as the next version, when it is valid and differs from the current one.</summary>
    public async Task<MaturityModelSaveResult> SaveAsync(MaturityModelDefinition definition, string changeNote, string? userId, CancellationToken ct = default)
    {
        try
        {
            MaturityModelJson.Validate(definition);
        }
        catch (MaturityModelException e)
        {
            return new(null, false, e.Errors);
        }
        var current = await GetCurrentAsync(ct);
        if (MaturityModelJson.Serialize(current.Definition) == MaturityModelJson.Serialize(definition))
            return new(current, true, []);
        var note = string.IsNullOrWhiteSpace(changeNote) ? "Edited" : changeNote.Trim();
        return new(await AddVersionAsync(definition, note[..Math.Min(note.Length, 500)], userId, ct), false, []);
    }

    private async Task<MaturityModelSnapshot> AddVersionAsync(MaturityModelDefinition definition, string note, string? userId, CancellationToken ct)
    {
        var next = (await db.MaturityModelVersions.MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        var row = new MaturityModelVersion
        {
            Version = next,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
            ChangeNote = note,
            DefinitionJson = MaturityModelJson.Serialize(definition),
        };
        db.MaturityModelVersions.Add(row);
        await db.SaveChangesAsync(ct);
        _current = null;
        return ToSnapshot(row);
    }

    private static MaturityModelSnapshot ToSnapshot(MaturityModelVersion row) =>
        new(row.Id, row.Version, row.CreatedAtUtc, row.ChangeNote, MaturityModelJson.Parse(row.DefinitionJson));
}
