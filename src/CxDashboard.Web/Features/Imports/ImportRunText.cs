namespace CxDashboard.Web.Features.Imports;

/// <summary>What the import history says about runs cut off by a stopped instance or missing their uploaded files.</summary>
public static class ImportRunText
{
    public const string CutOffWhileChecking = "The app stopped while this upload was being checked. Nothing was written: upload the files again.";
    public const string CutOffWhileImporting = "The app stopped while this upload was being imported. Nothing was written: upload the files again.";

    public const string UploadNotHere =
        "The uploaded files are not in this app instance's upload folder (Imports:UploadFolder). With several instances that folder must be one they all share; until it is, upload the files again. Nothing was written.";
}
