using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <summary>
    /// Survey and pulse links are kept as SHA-256 hashes of their tokens: the column is renamed and each existing token
    /// hashed in place (with <c>cx_sha256_hex</c>, which <see cref="MigrationFunctions"/> adds to the connection), so links
    /// already sent keep working. Down renames the column back but cannot restore the tokens: links made before stop working.
    /// </summary>
    public partial class LinkTokensStoredAsHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Token",
                table: "TeamPulseLinks",
                newName: "TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_TeamPulseLinks_Token",
                table: "TeamPulseLinks",
                newName: "IX_TeamPulseLinks_TokenHash");

            migrationBuilder.RenameColumn(
                name: "Token",
                table: "SurveyInvitations",
                newName: "TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_SurveyInvitations_Token",
                table: "SurveyInvitations",
                newName: "IX_SurveyInvitations_TokenHash");

            migrationBuilder.Sql("""UPDATE "TeamPulseLinks" SET "TokenHash" = cx_sha256_hex("TokenHash");""");
            migrationBuilder.Sql("""UPDATE "SurveyInvitations" SET "TokenHash" = cx_sha256_hex("TokenHash");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "TokenHash",
                table: "TeamPulseLinks",
                newName: "Token");

            migrationBuilder.RenameIndex(
                name: "IX_TeamPulseLinks_TokenHash",
                table: "TeamPulseLinks",
                newName: "IX_TeamPulseLinks_Token");

            migrationBuilder.RenameColumn(
                name: "TokenHash",
                table: "SurveyInvitations",
                newName: "Token");

            migrationBuilder.RenameIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                newName: "IX_SurveyInvitations_Token");
        }
    }
}
