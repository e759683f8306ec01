using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_FollowUps_ReceivedAtUtc",
                table: "SurveyResponses",
                column: "ReceivedAtUtc",
                filter: "\"CallbackCaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_FollowUps_CreatedAtUtc",
                table: "SurveyInvitations",
                column: "CreatedAtUtc",
                filter: "\"CallbackCaseId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_FollowUps_ReceivedAtUtc",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_SurveyInvitations_FollowUps_CreatedAtUtc",
                table: "SurveyInvitations");
        }
    }
}
