namespace CilPortal.Tests.Support;

/// <summary>Reads Identity's hash format (version 3: PBKDF2 with its iteration count written in the hash).</summary>
public static class Pbkdf2Hashes
{
    /// <summary>The iteration count of an Identity version-3 hash; null for another format.</summary>
    public static int? IterationCount(string? hash)
    {
        if (string.IsNullOrEmpty(hash) || hash.Length > 200)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[150];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < 13 || bytes[0] != 0x01)
        {
            return null;
        }

        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[5..9]);
        return count > int.MaxValue ? null : (int)count;
    }
}
