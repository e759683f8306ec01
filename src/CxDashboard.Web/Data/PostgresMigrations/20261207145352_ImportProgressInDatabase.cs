using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ImportProgressInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRunProgress",
                columns: table => new
                {
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false),
                    RowsDone = table.Column<long>(type: "bigint", nullable: false),
                    RowsTotal = table.Column<long>(type: "bigint", nullable: true),
                    BytesRead = table.Column<long>(type: "bigint", nullable: false),
                    BytesTotal = table.Column<long>(type: "bigint", nullable: false),
                    Errors = table.Column<long>(type: "bigint", nullable: false),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRunProgress", x => x.ImportRunId);
                    table.ForeignKey(
                        name: "FK_ImportRunProgress_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRunProgress");
        }
    }
}
