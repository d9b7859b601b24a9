using System.Security.Cryptography;

namespace CilPortal.Domain.Demands;

/// <summary>
/// The personal access code of a demand, printed on the information sheet: 10 characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XX. About 49 bits of entropy.
/// </summary>
public static class AccessCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string Generate()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(new string(chars));
    }

    /// <summary>Upper-cases and removes spaces and dashes, as people type codes in many ways.</summary>
    public static string Normalise(string? input) =>
        string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    public static bool IsWellFormed(string normalised) =>
        normalised is { Length: Length } && normalised.All(Alphabet.Contains);

    public static string Format(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return normalised.Length == Length ? $"{normalised[..4]}-{normalised[4..8]}-{normalised[8..]}" : normalised;
    }
}
