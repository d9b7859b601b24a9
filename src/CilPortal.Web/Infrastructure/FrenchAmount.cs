using System.Globalization;
using System.Text.RegularExpressions;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Reads an amount typed the French way: "35 000", "35 000,50", "35.000" (a dot before exactly three
/// digits groups thousands), "35000 €". A comma is the only decimal mark; anything else is refused.
/// </summary>
public static partial class FrenchAmount
{
    public static decimal? TryParse(string? text)
    {
        var cleaned = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        if (ThousandsWithDots().IsMatch(cleaned))
        {
            cleaned = cleaned.Replace(".", "", StringComparison.Ordinal);
        }

        if (!PlainAmount().IsMatch(cleaned))
        {
            return null;
        }

        return decimal.TryParse(cleaned.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$")]
    private static partial Regex ThousandsWithDots();

    [GeneratedRegex(@"^[0-9]{1,15}(,[0-9]{1,2})?$")]
    private static partial Regex PlainAmount();
}
