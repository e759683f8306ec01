namespace CxDashboard.Web.Hosting;

/// <summary>
/// Folders and files that hold customers' and employees' data (the SQLite database, uploads waiting for import, the
/// report library, exports written by the CLI) are created readable by the app's own user only: folders 0700, files
/// 0600 on Linux and macOS, whatever the process's umask. Existing files keep their permissions.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and its missing parents for the app's user only; existing folders are left as they are.</summary>
    public static DirectoryInfo CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows() || Directory.Exists(full)) return Directory.CreateDirectory(full);
        // Directory.CreateDirectory gives the mode to the last folder only: create each missing level with it.
        var missing = new Stack<string>();
        for (var folder = full; !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)) missing.Push(folder);
        DirectoryInfo created = new(full);
        while (missing.Count > 0) created = Directory.CreateDirectory(missing.Pop(), FolderMode);
        return created;
    }

    /// <summary>A new file (and its folder) that only the app's user may read.</summary>
    public static FileStream Create(string path, System.IO.FileMode mode = System.IO.FileMode.CreateNew, FileOptions options = FileOptions.None, int bufferSize = 1 << 16)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var settings = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows()) settings.UnixCreateMode = FileMode;
        return new FileStream(path, settings);
    }

    public static async Task WriteAllBytesAsync(string path, byte[] content, CancellationToken ct = default)
    {
        await using var stream = Create(path, System.IO.FileMode.Create, FileOptions.Asynchronous);
        await stream.WriteAsync(content, ct);
    }

    public static Task WriteAllTextAsync(string path, string text, CancellationToken ct = default) =>
        WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), ct);

    /// <summary>An empty SQLite database file for the app's user only, when there is none yet (SQLite then keeps its mode for the -wal and -shm files).</summary>
    public static void EnsureDatabaseFile(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var created = Create(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance or thread created it at the same moment.
        }
    }
}
