using System.Text;

namespace CxDashboard.Web.Features.Ingestion.Files;

public enum FileFormat
{
    Csv,
    Xlsx,
}

/// <summary>Looks at the start of an upload to tell CSV from XLSX, and to refuse binaries and non-UTF-8 text early.</summary>
public static class FileSniffer
{
    private const int SampleSize = 64 * 1024;

    /// <summary>Reads a sample and rewinds (the stream must be seekable; uploads are buffered to a temp file first).</summary>
    public static FileFormat Detect(Stream stream)
    {
        var sample = new byte[SampleSize];
        var length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Seek(-length, SeekOrigin.Current);
        var bytes = sample.AsSpan(0, length);

        if (length == 0) throw new ImportFileException(ImportText.EmptyFile);
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return FileFormat.Xlsx;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw new ImportFileException(ImportText.OldExcel);

        var hasUtf16Bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!hasUtf16Bom && bytes.Contains((byte)0))
            throw new ImportFileException(ImportText.BinaryFile);

        if (!hasUtf16Bom && !IsUtf8(bytes, endsMidFile: length == SampleSize))
            throw new ImportFileException(ImportText.NotUtf8File);
        return FileFormat.Csv;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool endsMidFile)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return true;
        if (!endsMidFile) return false;
        // The sample may end inside a multi-byte character: allow up to 3 trailing bytes to be cut off.
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut])) return true;
        }
        return false;
    }

    /// <summary>U+FFFD in a value means the reader met bytes that are not UTF-8 (past the sniffed sample).</summary>
    public static bool HasReplacementCharacter(string? value) => value is not null && value.Contains('\uFFFD');

    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
