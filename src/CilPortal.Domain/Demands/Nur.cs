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

    [GeneratedRegex("^[0-9A-Z]{18}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
