using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Duplicate ids of a file imported into an empty table, without a write per row: an <see cref="IdFilter"/> answers
/// "certainly new" for almost every id, and only a "maybe seen" is checked against the rows inserted so far, whose
/// first line is known from the few points where the line and the row id stop moving in step.
/// </summary>
public sealed class InsertedIds(long expectedRows)
{
    private readonly IdFilter _seen = new(expectedRows);
    private readonly List<(long FromRowId, long LineOffset)> _lines = [];

    /// <summary>Adds the id; false when it was certainly not added before, true when it may have been.</summary>
    public bool MaybeSeen(string id) => _seen.MaybeSeen(id);

    /// <summary>Remembers the line a row was inserted from (rows are inserted in file order, row ids increasing).</summary>
    public void Inserted(long rowId, long line)
    {
        var offset = line - rowId;
        if (_lines.Count == 0 || _lines[^1].LineOffset != offset) _lines.Add((rowId, offset));
    }

    /// <summary>The line an inserted row came from.</summary>
    public long LineOf(long rowId)
    {
        int low = 0, high = _lines.Count - 1, found = 0;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_lines[middle].FromRowId <= rowId) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return rowId + _lines[found].LineOffset;
    }
}

/// <summary>
/// A fixed-size Bloom filter of ids: "certainly not seen" or "maybe seen", in bounded memory however many ids it is given.
/// </summary>
public sealed class IdFilter(long expectedIds)
{
    private const int Hashes = 3;

    // At least 16 bits per expected id (under 0.5 % false "maybe"), a power of two so a bit is found by masking, capped
    // so memory stays bounded for any file (32 MB).
    private readonly ulong[] _bits = new ulong[BitOperations.RoundUpToPowerOf2((ulong)Math.Clamp(expectedIds / 4, 1024, 4 * 1024 * 1024))];

    /// <summary>Adds the id; false when it was certainly not added before, true when it may have been.</summary>
    public bool MaybeSeen(string id)
    {
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
        var (h1, h2) = ((uint)hash, (uint)(hash >> 32) | 1);
        var mask = (ulong)_bits.Length * 64 - 1;
        var seen = true;
        for (uint k = 0; k < Hashes; k++)
        {
            var bit = (h1 + k * h2) & mask;
            ref var word = ref _bits[bit >> 6];
            var flag = 1UL << (int)(bit & 63);
            if ((word & flag) == 0)
            {
                seen = false;
                word |= flag;
            }
        }
        return seen;
    }
}
