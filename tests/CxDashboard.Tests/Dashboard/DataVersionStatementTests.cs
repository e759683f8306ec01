using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Dashboard;

/// <summary>Which statements EF runs by itself (ExecuteUpdate, ExecuteDelete, ExecuteSql) start a new data version.</summary>
public sealed class DataVersionStatementTests
{
    private static readonly Microsoft.EntityFrameworkCore.Metadata.IModel Model =
        new CxDbContext(new DbContextOptionsBuilder<CxDbContext>().UseSqlite("Data Source=:memory:").Options).Model;

    [Theory]
    [InlineData("""UPDATE "Teams" AS "t" SET "Name" = @p WHERE "t"."Name" = 'T1'""", true)]
    [InlineData("""DELETE FROM "KpiTargets" AS "k" WHERE "k"."TeamId" IS NULL""", true)]
    [InlineData("""INSERT INTO "Contacts" ("ExternalId") VALUES (@p0);""", true)]
    [InlineData("UPDATE KpiRollupStates SET IsComplete = 0", true)]
    [InlineData("""UPDATE "ApiKeys" AS "a" SET "LastUsedAtUtc" = @p WHERE "a"."Id" = @id""", false)]
    [InlineData("""DELETE FROM "AspNetUserTokens" WHERE "UserId" = @p""", false)]
    [InlineData("""UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1""", false)]
    [InlineData("PRAGMA journal_mode=WAL;", false)]
    [InlineData("""SELECT "c"."Id" FROM "Contacts" AS "c" """, false)]
    [InlineData("UPDATE \"ApiKeys\" SET \"Name\" = 'x';\nDELETE FROM \"SurveyResponses\" WHERE \"Id\" = 3;", true)]
    public void A_write_bumps_the_version_only_when_its_table_feeds_the_dashboard(string sql, bool bumps) =>
        Assert.Equal(bumps, DataVersions.WritesDashboardData(sql, Model));

    [Fact]
    public void Without_a_model_every_write_but_the_versions_own_bumps() =>
        Assert.Equal((true, false),
            (DataVersions.WritesDashboardData("""UPDATE "ApiKeys" SET "Name" = 'x'""", null),
             DataVersions.WritesDashboardData("""UPDATE "DataVersions" SET "Version" = 2""", null)));
}
