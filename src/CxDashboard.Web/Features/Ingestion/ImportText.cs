namespace CxDashboard.Web.Features.Ingestion;

/// <summary>The importer's notes about master data it creates, as whole sentences (a check says what an import will do).</summary>
public static class ImportText
{
    public const string TeamsCreated = "{0} new team(s) created.";
    public const string AgentsCreated = "{0} agent id(s) not seen before were created with the id as their name; import the agents file to name them.";
    public const string ReasonsCreated = "{0} new contact reason code(s) created and flagged for review (Admin → Contact reasons).";
    public const string AnswersReplaced = "{0} earlier imported answer(s) of the same team-months were replaced by this file.";
    public const string TeamsWillBeCreated = "{0} new team(s) will be created.";
    public const string AgentsWillBeCreated = "{0} agent id(s) not seen before will be created with the id as their name; import the agents file to name them.";
    public const string ReasonsWillBeCreated = "{0} new contact reason code(s) will be created and flagged for review (Admin → Contact reasons).";
    public const string AnswersWillBeReplaced = "{0} earlier imported answer(s) of the same team-months will be replaced by this file.";
}
