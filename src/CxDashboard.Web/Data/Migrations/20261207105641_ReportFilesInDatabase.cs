using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportFilesInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RelativePath",
                table: "ReportLibrary");

            migrationBuilder.CreateTable(
                name: "ReportLibraryFiles",
                columns: table => new
                {
                    ReportLibraryEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportLibraryFiles", x => x.ReportLibraryEntryId);
                    table.ForeignKey(
                        name: "FK_ReportLibraryFiles_ReportLibrary_ReportLibraryEntryId",
                        column: x => x.ReportLibraryEntryId,
                        principalTable: "ReportLibrary",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportLibraryFiles");

            migrationBuilder.AddColumn<string>(
                name: "RelativePath",
                table: "ReportLibrary",
                type: "TEXT",
                maxLength: 260,
                nullable: false,
                defaultValue: "");
        }
    }
}
