using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<MaturityModelVersion> MaturityModelVersions => Set<MaturityModelVersion>();
    public DbSet<MaturityRound> MaturityRounds => Set<MaturityRound>();
    public DbSet<MaturityRoundTarget> MaturityRoundTargets => Set<MaturityRoundTarget>();
    public DbSet<MaturityRater> MaturityRaters => Set<MaturityRater>();
    public DbSet<MaturityRating> MaturityRatings => Set<MaturityRating>();
    public DbSet<MaturityComment> MaturityComments => Set<MaturityComment>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
}
