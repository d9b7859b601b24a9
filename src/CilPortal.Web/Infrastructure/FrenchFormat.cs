using System.Globalization;

namespace CilPortal.Web.Infrastructure;

/// <summary>French ways of writing times, amounts and counts.</summary>
public static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"8 h 30", "12 h".</summary>
    public static string Time(TimeOnly time) =>
        time.Minute == 0 ? $"{time.Hour} h" : $"{time.Hour} h {time.Minute:D2}";

    /// <summary>"23 403 €".</summary>
    public static string Euros(decimal amount) => amount.ToString("#,0", French) + " €";

    /// <summary>An ordinal rank in French: 1er, 2e, 3e…</summary>
    public static string Rank(int rank) => rank == 1 ? "1er" : $"{rank}e";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);
}
