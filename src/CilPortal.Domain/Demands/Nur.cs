using System.Text.RegularExpressions;

namespace CilPortal.Domain.Demands;

/// <summary>Numéro unique régional of a demand: 18 characters, digits and capital letters (e.g. 1110318016982G1104).</summary>
public static partial class Nur
{
    public const int Length = 18;

    /// <summary>Trims and upper-cases a typed NUR, removing spaces people insert while copying it.</summary>
    public static string Normalise(string? input) =>
        string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsWellFormed(string? nur) => nur is not null && Pattern().IsMatch(nur);

    /// <summary>The letter of numbers issued at a registration desk of this portal (the 14th character).</summary>
    public const char DeskLetter = 'G';

    public const int MaxDeskSequence = 999_999;

    /// <summary>
    /// A number issued by this portal when it is the territory's shared file and a desk registers a demand, in
    /// the registry's layout: territory code (3 digits), month and year of filing (MMYY), a sequence within the
    /// month (6 digits), <see cref="DeskLetter"/>, the reception point (4 digits). E.g. 111 0318 016982 G 1104.
    /// </summary>
    public static string Issue(string territoryCode, DateOnly filedOn, int sequence, int receptionPointNumber)
    {
        ArgumentNullException.ThrowIfNull(territoryCode);
        if (territoryCode.Length != 3 || !territoryCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Le code de territoire d'un numéro unique compte trois chiffres.", nameof(territoryCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxDeskSequence);
        ArgumentOutOfRangeException.ThrowIfNegative(receptionPointNumber);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{territoryCode}{filedOn:MMyy}{sequence:000000}{DeskLetter}{receptionPointNumber % 10_000:0000}");
    }

    /// <summary>The beginning shared by the numbers issued in a month (territory code, MMYY).</summary>
    public static string MonthPrefix(string territoryCode, DateOnly filedOn) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{territoryCode}{filedOn:MMyy}");

    /// <summary>The sequence of a number issued by a desk of this portal, or null for any other number.</summary>
    public static int? DeskSequence(string nur) =>
        IsWellFormed(nur) && nur[13] == DeskLetter && int.TryParse(nur.AsSpan(7, 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;

    // \z, not $: « $ » also matches before a final line break, which let "…G1104\n" pass as well-formed.
    [GeneratedRegex("^[0-9A-Z]{18}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
