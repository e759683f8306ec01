using System.Runtime.InteropServices;

namespace CxDashboard.Reporting.Pdf.Text;

/// <summary>
/// Cuts a TrueType font down to the glyphs for a set of characters, with HarfBuzz's subsetter (hb-subset), which the
/// HarfBuzzSharp native library exports but its managed API does not wrap. Skia then embeds the small font whole.
/// </summary>
internal static class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    private const int MemoryModeDuplicate = 0;

    // Hints only help low-resolution rasterisers; PDF viewers hint on their own. Dropping them halves the subset.
    private const uint SubsetFlagNoHinting = 0x1;

    /// <summary>The subset font file, or null when HarfBuzz refuses (then the caller embeds the whole font).</summary>
    public static byte[]? TrySubset(byte[] fontData, IEnumerable<int> codePoints)
    {
        var blob = IntPtr.Zero;
        var face = IntPtr.Zero;
        var input = IntPtr.Zero;
        var subsetFace = IntPtr.Zero;
        var subsetBlob = IntPtr.Zero;
        var pinned = GCHandle.Alloc(fontData, GCHandleType.Pinned);
        try
        {
            // Duplicate mode: HarfBuzz copies the bytes, so the pin can go as soon as the call returns.
            blob = hb_blob_create(pinned.AddrOfPinnedObject(), (uint)fontData.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
            pinned.Free();
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
                return null;

            hb_subset_input_set_flags(input, SubsetFlagNoHinting);
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
                hb_set_add(unicodes, (uint)codePoint);

            subsetFace = hb_subset_or_fail(face, input);
            if (subsetFace == IntPtr.Zero)
                return null;

            subsetBlob = hb_face_reference_blob(subsetFace);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == IntPtr.Zero || length == 0)
                return null;

            var subset = new byte[length];
            Marshal.Copy(data, subset, 0, (int)length);
            return subset;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            if (pinned.IsAllocated)
                pinned.Free();
            if (subsetBlob != IntPtr.Zero)
                hb_blob_destroy(subsetBlob);
            if (subsetFace != IntPtr.Zero)
                hb_face_destroy(subsetFace);
            if (input != IntPtr.Zero)
                hb_subset_input_destroy(input);
            if (face != IntPtr.Zero)
                hb_face_destroy(face);
            if (blob != IntPtr.Zero)
                hb_blob_destroy(blob);
        }
    }

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add(IntPtr set, uint codePoint);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
