namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// What an upload's run says about itself (why it stopped, why an action is refused), as whole English sentences kept
/// with the run; pages show them in the reader's language through <see cref="ImportMessageText"/>, as the importer's own
/// messages (<see cref="Ingestion.ImportText"/>).
/// </summary>
public static class ImportRunText
{
    public const string CutOffWhileChecking = "The app stopped while this upload was being checked. Nothing was written: upload the files again.";
    public const string CutOffWhileImporting = "The app stopped while this upload was being imported. Nothing was written: upload the files again.";

    public const string UploadNotHere =
        "The uploaded files are not in this app instance's upload folder (Imports:UploadFolder). With several instances that folder must be one they all share; until it is, upload the files again. Nothing was written.";

    public const string ChooseAFile = "Choose at least one file.";
    public const string TwoFilesOfAKind = "Two {0} files: upload one file of each kind at a time.";
    public const string TooLarge = "The upload is larger than {0}, the most this installation accepts (Imports:MaxUploadBytes).";
    public const string RoleMayNotImport = "Your role may not import data.";
    public const string NoSuchImport = "No such import.";
    public const string AlreadyDone = "This upload has been imported or discarded already.";
    public const string FileUnreadable = "A file cannot be read: fix it and upload again.";
    public const string RowsHaveErrors = "Some rows have errors: fix them and upload again, or import the valid rows only.";
    public const string OnlyCheckedCanBeDiscarded = "Only a checked upload that is not imported can be discarded.";
    public const string ChangedSinceCheck = "The files changed since the check, or another import came first: nothing was written. Upload them again.";
    public const string UnexpectedError = "The import stopped on an unexpected error and nothing was written: {0}";
    public const string DiscardedUnimported = "Not imported within {0} hours of the check: the upload was discarded.";
}
