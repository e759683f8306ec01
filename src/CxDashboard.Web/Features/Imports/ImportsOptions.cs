namespace CxDashboard.Web.Features.Imports;

/// <summary>Settings of the Import page (section "Imports").</summary>
public sealed class ImportsOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploads wait between preview and import (relative to the content root). Deleted once imported or discarded.</summary>
    public string UploadFolder { get; set; } = "App_Data/imports";

    /// <summary>Uploads larger than this (all files together) are checked and imported by a background job with a progress bar.</summary>
    public long BackgroundThresholdBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The largest upload accepted (all files together).</summary>
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Rows shown as read in the preview, per file.</summary>
    public int PreviewRows { get; set; } = 10;

    /// <summary>Row errors kept per file for the preview; more are counted, not listed.</summary>
    public int MaxErrorsListed { get; set; } = 10_000;

    /// <summary>Uploads left unimported for longer than this are deleted at the next upload.</summary>
    public int KeepUploadsHours { get; set; } = 24;
}
