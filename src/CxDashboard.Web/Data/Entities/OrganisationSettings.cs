namespace CxDashboard.Web.Data.Entities;

/// <summary>The single row of organisation-wide settings (Id is always 1).</summary>
public class OrganisationSettings
{
    public const int SingletonId = 1;
    public const string DefaultTimeZoneId = "Europe/Stockholm";
    public const int DefaultRepeatWindowDays = 7;

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "CxDashboard";
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>W in the metric definitions: the repeat-contact and FCR window in days.</summary>
    public int RepeatWindowDays { get; set; } = DefaultRepeatWindowDays;
}
